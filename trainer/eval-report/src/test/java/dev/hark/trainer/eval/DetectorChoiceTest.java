package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class DetectorChoiceTest {
    private static final int MELS = StreamEvaluationTest.MELS;
    private static final int FRAMES = StreamEvaluationTest.FRAMES;
    private static final double HOURS = FRAMES / 100.0 / 3600;
    /** 0 false alarms, then 1 in the 100 s (36 per hour). */
    private static final List<Double> BUDGETS = List.of(0.0, 36.0);

    /**
     * 100 s: keywords at 10 s and 40 s that sound for 5 steps at 180, and a click at 60 s, one step at 250. Without
     * smoothing the click outscores the keywords; a mean over 5 steps brings it to 50.
     */
    private static StreamSetEvaluation heard() {
        byte[] f = new byte[FRAMES * MELS];
        Arrays.fill(f, (byte) -128);
        sound(f, 1000, 40, 180);
        sound(f, 4000, 40, 180);
        sound(f, 6000, 8, 250);
        List<KeywordOccurrence> keywords = List.of(new KeywordOccurrence(10 * 16000, 11 * 16000),
                new KeywordOccurrence(40 * 16000, 41 * 16000));
        StreamEvaluation e = new StreamEvaluation(new LoudestStandIn(MELS), f, keywords, HOURS, StatePolicy.CARRIED,
                new DetectionSettings(1, 1, 0), MatchingRule.MLPERF_TINY);
        e.listening(1);
        return new StreamSetEvaluation(List.of(new StreamSetEvaluation.Member(e, List.of(), HOURS)));
    }

    private static void sound(byte[] f, int frame, int frames, int score) {
        for (int i = frame; i < frame + frames; i++) {
            f[i * MELS] = (byte) (score - 128);
        }
    }

    @Test
    void theSmoothingThatMissesLeastAtTheTightestBudgetWins() {
        DetectorTiming none = new DetectorTiming(1, 1);
        DetectorTiming five = new DetectorTiming(5, 1);
        DetectorChoice c = DetectorChoice.choose(heard(), List.of(none, five), BUDGETS);
        assertEquals(five, c.chosen());
        // Without smoothing no threshold both passes the keywords and stops the click: at 0 false alarms all are
        // missed; with 1 allowed both keywords are heard.
        assertEquals(2, c.rows().get(0).outcomes().get(0).misses());
        assertEquals(0, c.rows().get(0).outcomes().get(1).misses());
        assertEquals(0, c.rows().get(1).outcomes().get(0).misses());
        assertEquals(0, c.rows().get(1).outcomes().get(0).falseAlarms());
        assertTrue(c.markdown("dev streams").contains("| 5 | 1 | <= 0 |"), c.markdown("dev streams"));
    }

    @Test
    void candidatesThatMissAndFalseAlarmAlikeAreToldApartByTheirMargin() {
        // Both hear both keywords with no false alarm at 0 FA/h and the click as one at 36 FA/h. The keywords' mean
        // is 180 under either smoothing; the click's is 250 / 3 = 83 over 3 steps, 50 over 5, so the lowest threshold
        // without a false alarm is 84 or 51, and the keywords are heard up to 180.
        DetectorTiming three = new DetectorTiming(3, 1);
        DetectorTiming five = new DetectorTiming(5, 1);
        for (List<DetectorTiming> order : List.of(List.of(three, five), List.of(five, three))) {
            DetectorChoice c = DetectorChoice.choose(heard(), order, BUDGETS);
            assertEquals(five, c.chosen(), order.toString());
            for (DetectorChoice.Row r : c.rows()) {
                assertEquals(List.of(0, 0), r.outcomes().stream().map(StreamOutcome::misses).toList());
                assertEquals(List.of(0, 1), r.outcomes().stream().map(StreamOutcome::falseAlarms).toList());
            }
            DetectorChoice.Row chosen = c.chosenRow();
            assertEquals(51, chosen.outcomes().get(0).threshold());
            assertEquals(180 - 51, chosen.margin());
            assertEquals(180 - 84, c.rows().stream().filter(r -> r.timing().equals(three)).findFirst().orElseThrow()
                    .margin());
        }
    }

    @Test
    void withEqualCountsAndMarginTheLongerRefractoryPeriodWins() {
        // On these streams the refractory period changes no count: the keywords and the click are far apart.
        DetectorTiming shortQuiet = new DetectorTiming(5, 0.5);
        DetectorTiming longQuiet = new DetectorTiming(5, 2);
        for (List<DetectorTiming> order : List.of(List.of(shortQuiet, longQuiet), List.of(longQuiet, shortQuiet))) {
            DetectorChoice c = DetectorChoice.choose(heard(), order, BUDGETS);
            assertEquals(c.rows().get(0).outcomes(), c.rows().get(1).outcomes(), "the same counts");
            assertEquals(c.rows().get(0).margin(), c.rows().get(1).margin());
            assertEquals(longQuiet, c.chosen(), order.toString());
        }
    }

    @Test
    void theDeployedDetectorIsTheChosenOneAtItsThresholdForTheTightestBudget() {
        DetectorChoice c = DetectorChoice.choose(heard(), List.of(new DetectorTiming(5, 1)), BUDGETS);
        assertEquals(51, c.deployedThreshold());
        assertEquals(new DetectionSettings(5, 51, 13), c.deployed(8), "1 s at 80 ms a step, rounded up");
        assertTrue(c.markdown("dev").contains("| " + (180 - 51) + " | yes |"), c.markdown("dev"));
    }

    @Test
    void aDetectorThatMeetsNoBudgetWhileFiringIsDeployedAtTheDefaultThreshold() {
        DetectorTiming timing = new DetectorTiming(5, 1);
        StreamOutcome never = new StreamOutcome(StreamOutcome.NEVER, 0, 2, 0, HOURS);
        DetectorChoice c = new DetectorChoice(List.of(new DetectorChoice.Row(timing, List.of(never, never), 0)),
                timing, BUDGETS);
        assertEquals(DetectionSettings.DEFAULT.threshold(), c.deployedThreshold());
        StreamOutcome at200 = new StreamOutcome(200, 1, 1, 1, HOURS);
        assertEquals(200, new DetectorChoice(List.of(new DetectorChoice.Row(timing, List.of(never, at200), 0)),
                timing, BUDGETS).deployedThreshold(), "the tightest budget at which it fires");
    }

    @Test
    void theOtherSettingsReuseTheScores() {
        StreamSetEvaluation heard = heard();
        StreamSetEvaluation five = heard.withDetector(new DetectorTiming(5, 1));
        StreamEvaluation first = heard.members().get(0).evaluation();
        StreamEvaluation other = five.members().get(0).evaluation();
        assertEquals(first.listening(1).scores(), other.listening(1).scores());
        assertEquals(5, other.settings(1).smoothingSteps());
        assertEquals(13, other.settings(1).refractorySteps(), "1 s at 80 ms a step, rounded up");
        assertEquals(StreamOutcome.NEVER, five.curve().size(), "thresholds 1 to 255 and never");
        assertEquals(StreamOutcome.NEVER, five.curve().get(255).threshold());
        assertEquals(five.at(100), five.curve().get(99));
    }

    @Test
    void needsCandidatesAndBudgets() {
        assertThrows(IllegalArgumentException.class, () -> DetectorChoice.choose(heard(), List.of(), BUDGETS));
        assertThrows(IllegalArgumentException.class, () -> DetectorChoice.choose(heard(),
                DetectorChoice.defaultCandidates(), List.of()));
    }
}
