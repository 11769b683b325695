package dev.hark.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class FixedLog2Test {
    @Test
    void powersOfTwoAreExact() {
        for (int e = 0; e <= 62; e++) {
            assertEquals(e << 16, FixedLog2.log2Q16(1L << e), "2^" + e);
        }
    }

    @Test
    void knownValues() {
        assertEquals(0, FixedLog2.log2Q16(1));
        // log2(3) = 1.5849625007 -> 103872.6 in Q16; the method truncates.
        assertEquals(103872, FixedLog2.log2Q16(3));
        // log2(10) = 3.3219280949 -> 217705.9
        assertEquals(217705, FixedLog2.log2Q16(10));
    }

    /** Documented accuracy: the result r satisfies 2^16 log2(u) - 1.01 <= r <= 2^16 log2(u). */
    @Test
    void truncatesWithinOneUnitOverTheWholeRange() {
        Random random = new Random(3);
        for (int i = 0; i < 300_000; i++) {
            long u = i < 70_000 ? i + 1 : 1 + (random.nextLong() >>> (2 + random.nextInt(61)));
            double exact = Math.log(u) / Math.log(2) * 65536;
            int r = FixedLog2.log2Q16(u);
            assertTrue(r <= exact + 1e-6 && r >= exact - 1.01, "log2(" + u + ") = " + r + ", exact " + exact);
        }
    }

    @Test
    void isMonotonic() {
        int previous = 0;
        for (long u = 1; u < 200_000; u++) {
            int r = FixedLog2.log2Q16(u);
            assertTrue(r >= previous, "at " + u);
            previous = r;
        }
    }

    @Test
    void rejectsNonPositiveArguments() {
        assertThrows(IllegalArgumentException.class, () -> FixedLog2.log2Q16(0));
        assertThrows(IllegalArgumentException.class, () -> FixedLog2.log2Q16(-5));
    }
}
