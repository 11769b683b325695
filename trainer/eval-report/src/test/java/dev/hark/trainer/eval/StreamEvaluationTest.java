package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class StreamEvaluationTest {
    static final int MELS = 4;
    static final int FRAMES = 100 * 100; // 100 s
    private static final double HOURS = FRAMES / 100.0 / 3600;
    private static final DetectionSettings BASE = new DetectionSettings(1, 128, 12);

    /**
     * 100 s of quiet frames: keywords (score 200) at 10-11 s and 40-41 s, keyword-like sounds of 150 at 60 s
     * and 100 at 80 s, and a keyword at 90-91 s the detector cannot hear (score 50).
     */
    static byte[] features() {
        byte[] f = new byte[FRAMES * MELS];
        Arrays.fill(f, (byte) -128);
        burst(f, 1020, 200);
        burst(f, 4020, 200);
        burst(f, 6000, 150);
        burst(f, 8000, 100);
        burst(f, 9020, 50);
        return f;
    }

    private static void burst(byte[] f, int frame, int score) {
        for (int i = frame; i < frame + 30; i++) {
            f[i * MELS] = (byte) (score - 128);
        }
    }

    static final List<KeywordOccurrence> KEYWORDS = List.of(new KeywordOccurrence(10 * 16000, 11 * 16000),
            new KeywordOccurrence(40 * 16000, 41 * 16000), new KeywordOccurrence(90 * 16000, 91 * 16000));

    private static StreamEvaluation evaluation(StatePolicy policy) {
        return new StreamEvaluation(new LoudestStandIn(MELS), features(), KEYWORDS, HOURS, policy, BASE,
                MatchingRule.MLPERF_TINY);
    }

    @Test
    void countsHitsMissesAndFalseAlarmsAtAThreshold() {
        StreamEvaluation e = evaluation(StatePolicy.CARRIED);
        assertEquals(new StreamOutcome(90, 2, 1, 2, HOURS), e.at(90));
        assertEquals(new StreamOutcome(120, 2, 1, 1, HOURS), e.at(120));
        assertEquals(new StreamOutcome(180, 2, 1, 0, HOURS), e.at(180));
        assertEquals(new StreamOutcome(201, 0, 3, 0, HOURS), e.at(201));
        assertEquals(new StreamOutcome(40, 3, 0, 2, HOURS), e.at(40));
        assertEquals(new StreamOutcome(StreamOutcome.NEVER, 0, 3, 0, HOURS), e.at(StreamOutcome.NEVER));
    }

    @Test
    void theBudgetPicksTheLowestThresholdWithinIt() {
        StreamEvaluation e = evaluation(StatePolicy.CARRIED);
        // 36 FA/h over 100 s allows 1 false alarm; 0 FA/h allows none.
        assertEquals(101, e.atFalseAlarmBudget(36).threshold());
        assertEquals(151, e.atFalseAlarmBudget(0).threshold());
        assertEquals(1, e.atFalseAlarmBudget(36 * 5).threshold());
        int[] evaluated = e.thresholdsEvaluated();
        assertTrue(Arrays.stream(evaluated).anyMatch(t -> t == 101) && Arrays.stream(evaluated).anyMatch(t -> t == 151));
        assertArrayEquals(Arrays.stream(evaluated).sorted().toArray(), evaluated);
        assertThrows(IllegalArgumentException.class, () -> e.atFalseAlarmBudget(-1));
    }

    @Test
    void aDetectorThatAlwaysFiresMeetsNoBudget() {
        byte[] loud = new byte[FRAMES * MELS];
        Arrays.fill(loud, (byte) 127);
        StreamEvaluation e = new StreamEvaluation(new LoudestStandIn(MELS), loud, KEYWORDS, HOURS, StatePolicy.CARRIED, BASE,
                MatchingRule.MLPERF_TINY);
        StreamOutcome never = e.atFalseAlarmBudget(36);
        assertFalse(never.fires());
        assertEquals(1.0, never.missRate());
        assertEquals(0, never.falseAlarms());
    }

    @Test
    void aDetectionDependentPolicyListensAgainForEachThreshold() {
        StreamEvaluation carried = evaluation(StatePolicy.CARRIED);
        StreamEvaluation reset = evaluation(StatePolicy.resetAfterEachDetection());
        // The stand-in keeps no state, so resetting it changes nothing but when its steps fall.
        for (int t : new int[] {40, 90, 120, 180, 201}) {
            StreamOutcome a = carried.at(t);
            StreamOutcome b = reset.at(t);
            assertEquals(List.of(a.hits(), a.misses(), a.falseAlarms()), List.of(b.hits(), b.misses(),
                    b.falseAlarms()), "threshold " + t);
        }
        assertEquals(4, reset.listening(90).detections().size());
        assertEquals(List.of(carried.at(90), carried.at(180)), carried.curve(new int[] {90, 180}));
    }

    @Test
    void intervalsAreTheExactOnes() {
        StreamOutcome o = new StreamOutcome(100, 40, 10, 3, 2);
        assertEquals(BetaInterval.clopperPearson(10, 50), o.missRateInterval());
        assertEquals(PoissonInterval.ofRate(3, 2), o.faPerHourInterval());
        assertEquals(0.2, o.missRate());
        assertEquals(1.5, o.faPerHour());
        assertTrue(Double.isNaN(new StreamOutcome(100, 0, 0, 0, 1).missRate()));
        assertThrows(IllegalArgumentException.class, () -> new StreamOutcome(0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new StreamOutcome(10, 0, 0, 0, 0));
    }
}
