package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class StreamSetEvaluationTest {
    private static final double HOURS = 100.0 / 3600;
    /** The keyword-like sound of 150 at 60 s lies in the second piece. */
    private static final List<StreamStretch> STRETCHES = List.of(
            new StreamStretch(0, 59 * 16000, "quiet", StreamSource.BACKGROUND, false),
            new StreamStretch(59 * 16000, 62 * 16000, "shell/a.wav", "shell", false),
            new StreamStretch(62 * 16000, 100 * 16000, "quiet", StreamSource.BACKGROUND, false));

    private static StreamSetEvaluation.Member member() {
        StreamEvaluation e = new StreamEvaluation(new LoudestStandIn(StreamEvaluationTest.MELS),
                StreamEvaluationTest.features(), StreamEvaluationTest.KEYWORDS, HOURS, StatePolicy.CARRIED,
                new DetectionSettings(1, 128, 12), MatchingRule.MLPERF_TINY);
        return new StreamSetEvaluation.Member(e, STRETCHES, HOURS);
    }

    @Test
    void theStreamsAreCountedAsOne() {
        StreamSetEvaluation set = new StreamSetEvaluation(List.of(member(), member()));
        assertEquals(2 * HOURS, set.hours(), 1e-12);
        assertEquals(new StreamOutcome(120, 4, 2, 2, 2 * HOURS), set.at(120));
        // Two false alarms in 200 s are 36 an hour: a budget of 36 allows the threshold where each stream has one.
        assertEquals(new StreamOutcome(101, 4, 2, 2, 2 * HOURS), set.atFalseAlarmBudget(36));
        assertEquals(0, set.atFalseAlarmBudget(0).falseAlarms());
    }

    @Test
    void everyFalseAlarmIsPutDownToItsPieceInItsStream() {
        StreamSetEvaluation set = new StreamSetEvaluation(List.of(member(), member()));
        List<FalseAlarmCause> causes = set.causes(120);
        assertEquals(2, causes.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(i, causes.get(i).stream());
            assertEquals("shell/a.wav", causes.get(i).stretch().sourceId());
            assertTrue(causes.get(i).second() > 60 && causes.get(i).second() < 61, "at " + causes.get(i).second());
        }
        assertTrue(set.causes(StreamOutcome.NEVER).isEmpty());
    }
}
