package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class FalseAlarmCounterTest {
    @Test
    void aHighStretchIsOneAlarmPerRefractoryPeriod() {
        float[] s = {0.1f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.1f};
        assertEquals(1, FalseAlarmCounter.count(s, 0.5f, 12));
        assertEquals(2, FalseAlarmCounter.count(s, 0.5f, 10)); // still high when the period ends: fires again
        assertEquals(12, FalseAlarmCounter.count(s, 0.5f, 1));
    }

    @Test
    void aDipInsideTheRefractoryPeriodDoesNotCountAgain() {
        float[] s = {0.9f, 0.1f, 0.9f, 0.1f, 0.1f, 0.1f, 0.9f};
        assertEquals(1, FalseAlarmCounter.count(s, 0.5f, 10));
        assertEquals(2, FalseAlarmCounter.count(s, 0.5f, 5));
        assertEquals(3, FalseAlarmCounter.count(s, 0.5f, 1));
    }

    @Test
    void thresholdIsInclusiveAndZeroAlarmsAboveEverything() {
        float[] s = {0.2f, 0.5f, 0.2f};
        assertEquals(1, FalseAlarmCounter.count(s, 0.5f, 1));
        assertEquals(0, FalseAlarmCounter.count(s, Math.nextUp(0.5f), 1));
    }

    @Test
    void refractoryInWindowsAndSlots() {
        StreamScores stream = new StreamScores(new float[95], 10, 101, 10.4);
        assertEquals(10, FalseAlarmCounter.refractoryWindows(stream, 1.0));
        assertEquals(10, FalseAlarmCounter.slots(stream, 1.0));
        assertEquals(1, FalseAlarmCounter.refractoryWindows(stream, 0));
        assertThrows(IllegalArgumentException.class, () -> FalseAlarmCounter.count(new float[1], 0.5f, 0));
    }
}
