package dev.hark.trainer.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import dev.hark.trainer.eval.KeywordOccurrence;
import dev.hark.trainer.eval.MatchingRule;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class StepTargetsTest {
    private static final int WINDOW = 20;
    private static final int HOP = 8;

    @Test
    void aStepRunsWhenItsLastFrameIsComplete() {
        // Frame f is complete at sample 160 f + 200 (half a 400-sample window past its hop).
        assertEquals((160 * 19 + 200) / 16000.0, StepTargets.stepSecond(0, WINDOW, HOP), 1e-12);
        assertEquals((160 * (19 + 8 * 5) + 200) / 16000.0, StepTargets.stepSecond(5, WINDOW, HOP), 1e-12);
    }

    @Test
    void theKeywordIsTheAnswerAroundTheClipsEndAndTheRestOfTheMatchingWindowIsLeftOut() {
        // A keyword clip from 5 s to 6 s.
        KeywordOccurrence keyword = new KeywordOccurrence(5 * 16000, 6 * 16000);
        int steps = 120;
        int[] labels = StepTargets.of(List.of(keyword), steps, WINDOW, HOP, MatchingRule.MLPERF_TINY);
        for (int s = 0; s < steps; s++) {
            double t = StepTargets.stepSecond(s, WINDOW, HOP);
            int expected;
            if (t >= 6 - StepTargets.KEYWORD_FROM_END_SECONDS && t <= 6 + StepTargets.KEYWORD_AFTER_END_SECONDS) {
                expected = StepTargets.KEYWORD;
            } else if (t >= 5 && t <= 7) {
                expected = StepTargets.IGNORED;
            } else {
                expected = StepTargets.OTHER;
            }
            assertEquals(expected, labels[s], "step " + s + " at " + t + " s");
        }
        long keywordSteps = java.util.Arrays.stream(labels).filter(l -> l == StepTargets.KEYWORD).count();
        assertEquals(7, keywordSteps, "0.6 s of 80 ms steps from 5.80 s");
    }

    @Test
    void aKeywordAnswerWinsOverAnEarlierKeywordsLeftOutTime() {
        // The second clip starts right where the first ends: its answer time lies in the first one's tolerance.
        KeywordOccurrence first = new KeywordOccurrence(16000, 2 * 16000);
        KeywordOccurrence second = new KeywordOccurrence(2 * 16000, 3 * 16000);
        int[] labels = StepTargets.of(List.of(first, second), 60, WINDOW, HOP, MatchingRule.MLPERF_TINY);
        for (int s = 0; s < labels.length; s++) {
            double t = StepTargets.stepSecond(s, WINDOW, HOP);
            if (Math.abs(t - 3) < 0.2) {
                assertEquals(StepTargets.KEYWORD, labels[s], "step at " + t + " s");
            }
        }
    }
}
