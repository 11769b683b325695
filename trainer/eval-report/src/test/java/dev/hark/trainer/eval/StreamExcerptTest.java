package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class StreamExcerptTest {
    /** {@link StreamEvaluationTest}'s 100 s stream, heard with its detector (no smoothing, 12 steps refractory). */
    private static StreamEvaluation evaluation() {
        return new StreamEvaluation(new LoudestStandIn(StreamEvaluationTest.MELS), StreamEvaluationTest.features(),
                StreamEvaluationTest.KEYWORDS, StreamEvaluationTest.FRAMES / 100.0 / 3600, StatePolicy.CARRIED,
                new DetectionSettings(1, 128, 12), MatchingRule.MLPERF_TINY);
    }

    @Test
    void theWholeStreamShowsWhatTheCountsSay() {
        StreamEvaluation e = evaluation();
        StreamExcerpt x = StreamExcerpt.of(e.listening(120), StreamEvaluationTest.KEYWORDS, MatchingRule.MLPERF_TINY,
                200); // longer than the stream: all of it
        StreamOutcome counted = e.at(120);
        assertEquals(0, x.fromSecond());
        assertEquals(120, x.threshold());
        assertEquals(counted.hits(), x.hitSeconds().length);
        assertEquals(counted.falseAlarms(), x.falseAlarmSeconds().length);
        assertEquals(List.of(StreamEvaluationTest.KEYWORDS.get(2)), x.missedKeywords());
        assertEquals(StreamEvaluationTest.KEYWORDS, x.keywords());
        // The missed keyword's score is 50 (the sound at 90 s); without smoothing that is its peak.
        assertArrayEquals(new int[] {50}, x.missedPeaks());
        // The false alarm is the keyword-like sound at 60 s; the hits fall in the keywords' windows.
        assertTrue(x.falseAlarmSeconds()[0] > 60 && x.falseAlarmSeconds()[0] < 61, "" + x.falseAlarmSeconds()[0]);
        assertTrue(x.hitSeconds()[0] > 10 && x.hitSeconds()[0] < 12 && x.hitSeconds()[1] > 40
                && x.hitSeconds()[1] < 42);
        // Without smoothing the smoothed score is the score of each step.
        assertArrayEquals(e.listening(120).scores(), x.smoothedScores());
    }

    @Test
    void aShortStretchIsTheOneWithTheMostKindsOfEvent() {
        StreamEvaluation e = evaluation();
        // At 90 both sounds (60 s, 80 s) are false alarms; the only 35 s stretch with two kinds of event holds the
        // one at 80 s and the missed keyword at 90 s, and the earliest of those is centred on the false alarm.
        StreamExcerpt x = StreamExcerpt.of(e.listening(90), StreamEvaluationTest.KEYWORDS, MatchingRule.MLPERF_TINY,
                35);
        assertEquals(1, x.falseAlarmSeconds().length);
        double falseAlarm = x.falseAlarmSeconds()[0];
        assertTrue(falseAlarm > 80 && falseAlarm < 81, "" + falseAlarm);
        assertEquals(falseAlarm - 17.5, x.fromSecond(), 1e-9);
        assertEquals(x.fromSecond() + 35, x.toSecond(), 1e-9);
        assertEquals(List.of(StreamEvaluationTest.KEYWORDS.get(2)), x.missedKeywords());
        assertEquals(0, x.hitSeconds().length);
        assertTrue(x.stepSeconds()[0] >= x.fromSecond() && x.stepSeconds()[x.stepSeconds().length - 1]
                <= x.toSecond());
    }

    @Test
    void theScoreIsTheDetectorsMovingMean() {
        StreamEvaluation e = evaluation();
        Listening smoothed = e.listening(120).withSettings(new DetectionSettings(4, 60, 12));
        StreamExcerpt x = StreamExcerpt.of(smoothed, StreamEvaluationTest.KEYWORDS, MatchingRule.MLPERF_TINY, 200);
        int[] p = smoothed.scores();
        for (int s = 0; s < p.length; s++) {
            int sum = 0;
            for (int back = 0; back < 4 && s - back >= 0; back++) {
                sum += p[s - back];
            }
            assertEquals(sum / 4, x.smoothedScores()[s], "step " + s);
        }
        // A mean of 4 over bursts of 30 frames (3 or 4 steps) keeps the sound at 90 s (score 50) under 60.
        assertEquals(List.of(StreamEvaluationTest.KEYWORDS.get(2)), x.missedKeywords());
        assertTrue(x.missedPeaks()[0] < 60 && x.missedPeaks()[0] > 0);
    }

    @Test
    void rejectsAnEmptyStretch() {
        assertThrows(IllegalArgumentException.class, () -> StreamExcerpt.of(evaluation().listening(120),
                StreamEvaluationTest.KEYWORDS, MatchingRule.MLPERF_TINY, 0));
    }
}
