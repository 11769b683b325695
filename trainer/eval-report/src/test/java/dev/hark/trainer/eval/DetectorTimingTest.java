package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** How reports name a detector. */
@Fast
class DetectorTimingTest {
    @Test
    void oneOrMorePosteriorsAndTheRefractoryPeriodInPlainSeconds() {
        assertEquals("mean of 1 posterior, 2 s refractory", new DetectorTiming(1, 2.0).describe());
        assertEquals("mean of 12 posteriors, 0.5 s refractory", new DetectorTiming(12, 0.5).describe());
        assertEquals("mean of 5 posteriors, 1 s refractory", DetectorTiming.DEFAULT.describe());
    }
}
