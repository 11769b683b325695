package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** How reports name a detector. */
@Fast
class DetectorTimingTest {
    @Test
    void oneOrMoreScoresAndTheRefractoryPeriodInPlainSeconds() {
        assertEquals("mean of 1 score, 2 s refractory", new DetectorTiming(1, 2.0).describe());
        assertEquals("mean of 12 scores, 0.5 s refractory", new DetectorTiming(12, 0.5).describe());
        assertEquals("mean of 5 scores, 1 s refractory", DetectorTiming.DEFAULT.describe());
    }
}
