package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class OptionCheckTest {
    @Test
    void aPositiveAmountIsFiniteAndAboveZero() {
        assertEquals(0.5, OptionCheck.USAGE.positive("--hours", 0.5));
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            HarkException e = assertThrows(HarkException.class, () -> OptionCheck.USAGE.positive("--hours", bad));
            assertEquals("--hours must be positive, got " + bad, e.getMessage());
            assertEquals(ExitCode.USAGE, e.exitCode());
        }
    }

    @Test
    void aCountOutsideItsRangeNamesTheRangeUnderTheCheckersExitCode() {
        assertEquals(255, OptionCheck.BAD_INPUT.between("--mining-threshold", 255, 1, 255));
        HarkException above = assertThrows(HarkException.class,
                () -> OptionCheck.BAD_INPUT.between("--mining-threshold", 256, 1, 255));
        assertEquals("--mining-threshold must be 1 to 255, got 256", above.getMessage());
        assertEquals(ExitCode.BAD_INPUT, above.exitCode());
        assertEquals(0, OptionCheck.BAD_INPUT.atLeast("--mining-rounds", 0, 0));
        HarkException below = assertThrows(HarkException.class,
                () -> OptionCheck.BAD_INPUT.atLeast("--mining-rounds", -1, 0));
        assertEquals("--mining-rounds must be at least 0, got -1", below.getMessage());
    }
}
