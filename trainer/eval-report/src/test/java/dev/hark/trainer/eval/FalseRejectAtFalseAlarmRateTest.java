package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class FalseRejectAtFalseAlarmRateTest {
    /** A one-hour stream (36,000 windows of 100 ms) that is quiet except for isolated peaks of given heights. */
    private static StreamScores streamWithPeaks(float... peaks) {
        float[] s = new float[36_000];
        java.util.Arrays.fill(s, 0.01f);
        for (int i = 0; i < peaks.length; i++) {
            int at = 500 + i * 1000;
            s[at] = peaks[i];
            s[at + 1] = peaks[i] * 0.9f; // a peak spans several windows but is one event
        }
        return new StreamScores(s, 10, 101, 3600);
    }

    @Test
    void picksTheLowestThresholdWithinTheBudget() {
        StreamScores stream = streamWithPeaks(0.95f, 0.9f, 0.8f, 0.7f, 0.6f);
        float[] positives = {0.99f, 0.92f, 0.85f, 0.75f, 0.65f, 0.3f};
        FalseRejectAtFalseAlarmRate at2 = FalseRejectAtFalseAlarmRate.of(positives, stream, 2.0);
        // Two alarms allowed: the two highest peaks fire, the third (0.8) must not.
        assertEquals(2, at2.falseAlarms());
        assertEquals(Math.nextUp(0.8f), at2.threshold());
        assertEquals(3, at2.falseRejects()); // 0.75, 0.65, 0.3
        assertEquals(0.5, at2.frRate(), 1e-12);
        assertEquals(2.0, at2.faPerHour(), 1e-12);
        assertTrue(at2.frRateInterval().contains(0.5));
        assertTrue(at2.faPerHourInterval().contains(2.0));

        FalseRejectAtFalseAlarmRate at0 = FalseRejectAtFalseAlarmRate.of(positives, stream, 0.5);
        assertEquals(0, at0.falseAlarms());
        assertEquals(Math.nextUp(0.95f), at0.threshold());
        assertEquals(5, at0.falseRejects());
    }

    @Test
    void faPerHourIntervalComesFromTheCountPosterior() {
        StreamScores stream = streamWithPeaks();
        FalseRejectAtFalseAlarmRate m = FalseRejectAtFalseAlarmRate.of(new float[] {0.9f}, stream, 0.5);
        assertEquals(0, m.falseAlarms());
        // Zero alarms in an hour: the upper end is about -ln(0.025) = 3.7 per hour (Poisson limit of the Beta).
        assertEquals(0, m.faPerHourInterval().low(), 0.03);
        assertEquals(3.69, m.faPerHourInterval().high(), 0.02);
    }

    @Test
    void curveRunsFromManyAlarmsToNone() {
        StreamScores stream = streamWithPeaks(0.95f, 0.9f, 0.8f, 0.7f, 0.6f);
        FaFrCurve curve = FaFrCurve.of(new float[] {0.99f, 0.92f, 0.85f, 0.75f, 0.65f, 0.3f}, stream, 1.0, 50);
        List<FaFrCurve.Point> p = curve.points();
        assertEquals(0, p.get(p.size() - 1).faPerHour(), 0);
        assertEquals(1.0, p.get(p.size() - 1).frRate(), 0);
        assertEquals(0, p.get(0).frRate(), 0);
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i).frRate() >= p.get(i - 1).frRate());
        }
    }
}
