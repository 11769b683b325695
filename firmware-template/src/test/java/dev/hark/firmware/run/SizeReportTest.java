package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class SizeReportTest {
    @Test
    void parsesBerkeleyOutput() {
        SizeReport size = SizeReport.parse("   text\t   data\t    bss\t    dec\t    hex\tfilename\n"
                + "  56248\t   2500\t  17692\t  76440\t  12a98\t/tmp/build/hark_harness.elf\n");
        assertEquals(new SizeReport(56248, 2500, 17692), size);
        assertEquals(58748, size.flash());
        assertEquals(20192, size.ram());
        assertTrue(size.toString().startsWith("flash 58748 bytes"), size.toString());
    }

    @Test
    void rejectsOtherOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SizeReport.parse("arm-none-eabi-size: 'x.elf': No such file"));
        assertTrue(e.getMessage().contains("not a header plus one file line"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SizeReport.parse("text data bss\nabc 1 2\n"));
        assertThrows(IllegalArgumentException.class,
                () -> SizeReport.parse("text data bss dec hex filename\n1 2 3 6 6 a\n1 2 3 6 6 b\n"));
    }
}
