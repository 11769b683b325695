package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** {@code arm_nn_requantize} against {@code requantize.json} of both rounding builds. */
@Fast
class ArmNnRequantizeTest extends GoldenFileTest {

    ArmNnRequantizeTest() {
        super("requantize.json", (rounding, c) -> {
            int result = ArmNnRequantize.requantize(c.intParam("val"), c.intParam("multiplier"),
                    c.intParam("shift"), rounding);
            c.assertOutput(result);
        });
    }

    @Test
    void tiesRoundAwayFromZeroInDoubleAndUpInSingle() {
        // multiplier 2^30 = 0.5, shift -1: +-6 * 0.5 / 2 = +-1.5, exact ties.
        int half = 1 << 30;
        assertEquals(2, ArmNnRequantize.requantize(6, half, -1, Rounding.DOUBLE));
        assertEquals(-2, ArmNnRequantize.requantize(-6, half, -1, Rounding.DOUBLE));
        assertEquals(2, ArmNnRequantize.requantize(6, half, -1, Rounding.SINGLE));
        assertEquals(-1, ArmNnRequantize.requantize(-6, half, -1, Rounding.SINGLE));
    }

    @Test
    void singleRoundingKeepsLargeResultsExact() {
        // 2^30 * (2^31 - 1) / 2^31 = 2^30 - 0.5 rounds up to 2^30. The intermediate r = 2^31 - 1 fits an
        // int32, but r + 1 does not: an int32 intermediate would give -2^30.
        assertEquals(1 << 30, ArmNnRequantize.requantize(1 << 30, Integer.MAX_VALUE, 0, Rounding.SINGLE));
    }

    @Test
    void positiveShiftScalesUp() {
        // 0.5 * 2^3 = 4
        assertEquals(40, ArmNnRequantize.requantize(10, 1 << 30, 3, Rounding.DOUBLE));
        assertEquals(40, ArmNnRequantize.requantize(10, 1 << 30, 3, Rounding.SINGLE));
    }

    @Test
    void shiftOutsideCmsisRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArmNnRequantize.requantize(1, 1 << 30, 31, Rounding.DOUBLE));
        assertTrue(e.getMessage().startsWith("arm_nn_requantize: shift 31"), e.getMessage());
    }

    @Test
    void doubleRoundingRoundsAValueJustBelowATieUp() {
        // 2^20 * (1 - 2^-31) / 2^21 = 0.5 - 2^-32: the high multiply already rounds it to exactly 0.5, which
        // the second rounding takes to 1; single rounding sees the true value and gives 0.
        assertEquals(1, ArmNnRequantize.requantize(1 << 20, Integer.MAX_VALUE, -21, Rounding.DOUBLE));
        assertEquals(0, ArmNnRequantize.requantize(1 << 20, Integer.MAX_VALUE, -21, Rounding.SINGLE));
    }
}
