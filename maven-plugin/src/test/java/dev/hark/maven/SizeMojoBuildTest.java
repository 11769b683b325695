package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size goal building a tiny model's firmware for mps2-an386 with the Arm toolchain. */
@Slow
class SizeMojoBuildTest {
    private static final Pattern SIZE_LINE = Pattern.compile(
            "mps2-an386 firmware with the portable CMSIS-NN subset, double rounding: flash (\\d+) bytes \\(text \\d+ \\+ data \\d+\\), RAM (\\d+) bytes \\(data \\d+"
                    + " \\+ bss \\d+\\)");

    @TempDir
    Path dir;
    Path model;
    final RecordingLog log = new RecordingLog();

    @BeforeEach
    void needsTheArmToolchain() throws Exception {
        Mojos.assumeTools("make", "arm-none-eabi-gcc", "arm-none-eabi-size");
        model = Mojos.modelFile(dir, RandomModels.tiny(41));
    }

    private SizeMojo mojo() {
        return Mojos.size(model, dir.resolve("generated"), dir.resolve("firmware"), log);
    }

    @Test
    void reportsFlashAndRamAndFailsWithTheNumbersWhenOverBudget() throws Exception {
        mojo().execute();
        String sizeLine = log.info.stream().filter(line -> SIZE_LINE.matcher(line).matches()).findFirst()
                .orElseThrow(() -> new AssertionError("no size line in " + log.info));
        Matcher size = SIZE_LINE.matcher(sizeLine);
        assertTrue(size.matches(), sizeLine);
        long flash = Long.parseLong(size.group(1));
        long ram = Long.parseLong(size.group(2));
        assertTrue(log.lastInfo().matches("  total +" + String.format(Locale.ROOT, "%,d", flash) + " +[0-9,]+"),
                "the components' table ends with the image's flash: " + log.lastInfo());

        SizeMojo exactlyOnBudget = mojo();
        exactlyOnBudget.flashBudget = flash;
        exactlyOnBudget.ramBudget = ram;
        exactlyOnBudget.execute();
        assertTrue(log.info.contains("C sources in " + dir.resolve("generated") + " are up to date with " + model
                + " and the settings; generation skipped"), log.info::toString);

        SizeMojo overBoth = mojo();
        overBoth.flashBudget = flash - 1;
        overBoth.ramBudget = ram - 1;
        MojoFailureException e = assertThrows(MojoFailureException.class, overBoth::execute);
        assertEquals("The firmware is over budget: mps2-an386 flash " + flash + " bytes > flashBudget "
                + (flash - 1) + ", mps2-an386 RAM " + ram + " bytes > ramBudget " + (ram - 1) + ".", e.getMessage());
    }
}
