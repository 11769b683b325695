package dev.hark.sim.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class KeywordScoreTest {
    /** Logits of 1/16 nat a code: one code is one score step. */
    private static final TensorQuant STEP_A_CODE = new TensorQuant(1f / 16, 3);
    /** Logits of 1/64 nat a code: a code is a quarter of a step, so margins of 2 more than a multiple of 4 are ties. */
    private static final TensorQuant QUARTER_STEP = new TensorQuant(1f / 64, -7);

    @Test
    void theScoreIs128PlusTheKeywordsMarginOverTheStrongestOtherClassInSixteenthsOfANat() {
        KeywordScore score = KeywordScore.of("logits", 1, STEP_A_CODE, Rounding.DOUBLE);
        assertEquals(171, score.of(new byte[] {-3, 40}), "43 codes above the other class");
        assertEquals(85, score.of(new byte[] {40, -3}), "43 codes below");
        assertEquals(128, score.of(new byte[] {9, 9}), "even odds");
        assertEquals(133, score.of(new byte[] {10, 20, 15}), "the strongest other class is the rival, not the sum");
        assertEquals(133, KeywordScore.of("logits", 0, STEP_A_CODE, Rounding.DOUBLE).of(new byte[] {20, 15, 10}),
                "the keyword's own class, wherever it is");
    }

    @Test
    void theScoreStaysWithin0And255() {
        KeywordScore score = KeywordScore.of("logits", 1, STEP_A_CODE, Rounding.SINGLE);
        assertEquals(255, score.of(new byte[] {-128, 127}));
        assertEquals(0, score.of(new byte[] {127, -128}));
        assertEquals(255, score.of(new byte[] {0, 127}), "127 steps above even odds is the top");
        assertEquals(0, score.of(new byte[] {0, -128}));
    }

    @Test
    void tiesRoundAsTheModelsRequantizationDoes() {
        KeywordScore twice = KeywordScore.of("logits", 1, QUARTER_STEP, Rounding.DOUBLE);
        KeywordScore once = KeywordScore.of("logits", 1, QUARTER_STEP, Rounding.SINGLE);
        assertEquals(130, twice.of(new byte[] {0, 6}), "1.5 steps: away from zero");
        assertEquals(126, twice.of(new byte[] {6, 0}), "-1.5 steps: away from zero");
        assertEquals(130, once.of(new byte[] {0, 6}), "1.5 steps: up");
        assertEquals(127, once.of(new byte[] {6, 0}), "-1.5 steps: up");
        assertEquals(133, once.of(new byte[] {-10, 10}), "whole steps are exact");
        assertEquals(133, twice.of(new byte[] {-10, 10}));
    }

    @Test
    void theFloatScoreIsTheSameGridFromTheLogOdds() {
        assertEquals(128, KeywordScore.ofLogOdds(0));
        assertEquals(144, KeywordScore.ofLogOdds(1));
        assertEquals(112, KeywordScore.ofLogOdds(-1));
        assertEquals(128, KeywordScore.ofLogOdds(0.5 / 16), "half a step rounds to even");
        assertEquals(0, KeywordScore.ofLogOdds(-10));
        assertEquals(255, KeywordScore.ofLogOdds(10));
        assertEquals(255, KeywordScore.ofLogOdds(Double.POSITIVE_INFINITY));
        assertEquals(171, KeywordScore.ofLogits(new float[] {-0.5f, 2.1875f}, 1), "43/16 nat above");
        assertThrows(IllegalArgumentException.class, () -> KeywordScore.ofLogOdds(Double.NaN));
        assertEquals(2.6875, KeywordScore.logOdds(171));
        assertEquals(0.5, KeywordScore.probability(128));
    }

    @Test
    void aThresholdOnTheSoftmaxsGridCarriesOverAtTheSameProbabilityRoundedUp() {
        assertEquals(128, KeywordScore.ofPosterior(128), "probability 1/2: even odds");
        assertEquals(146, KeywordScore.ofPosterior(192), "3 to 1: 16 ln 3 = 17.6 steps above even");
        assertEquals(217, KeywordScore.ofPosterior(255), "255 to 1: 88.7 steps");
        assertEquals(40, KeywordScore.ofPosterior(1), "1 to 255: 88.7 steps below");
        assertEquals(DetectionSettings.DEFAULT.threshold(), KeywordScore.ofPosterior(192),
                "the default detector fires at probability 0.75, as it did on the softmax's grid");
        assertThrows(IllegalArgumentException.class, () -> KeywordScore.ofPosterior(0));
        assertThrows(IllegalArgumentException.class, () -> KeywordScore.ofPosterior(256));
    }
}
