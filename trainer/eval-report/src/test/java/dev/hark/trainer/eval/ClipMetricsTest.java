package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.train.Metrics;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class ClipMetricsTest {
    @Test
    void countsAndRatesAtHalf() {
        float[] s = {0.9f, 0.6f, 0.4f, 0.5f, 0.1f, 0.7f};
        boolean[] k = {true, true, true, false, false, false};
        ClipMetrics m = ClipMetrics.of(new Scores(s, k));
        assertEquals(3, m.positives());
        assertEquals(3, m.negatives());
        assertEquals(1, m.falseRejects()); // 0.4
        assertEquals(2, m.falseAlarms()); // 0.5 (>= 0.5 accepts) and 0.7
        assertEquals(3, m.correct());
        assertEquals(0.5, m.accuracy(), 1e-12);
        assertEquals(Metrics.auFaFr(s, k), m.auFaFr(), 0);
        assertEquals(BetaInterval.of(3, 6), m.accuracyInterval());
        assertEquals(BetaInterval.of(1, 3), m.frRateInterval());
        assertEquals(BetaInterval.of(2, 3), m.faRateInterval());
        assertTrue(m.auFaFrInterval().contains(m.auFaFr()));
    }

    @Test
    void perfectSeparationStillHasAnUpperBoundThatShrinksWithData() {
        Interval small = ClipMetrics.of(separated(20, 20)).auFaFrInterval();
        Interval large = ClipMetrics.of(separated(400, 400)).auFaFrInterval();
        assertTrue(small.low() == 0 && small.high() > 0, "a perfect separation: au_fa_fr 0, inside " + small);
        assertTrue(large.high() < small.high() / 10, small + " vs " + large);
        // With no information from the variance, the cautious effective size P N / (P + N) is used.
        assertEquals(200, AuFaFrInterval.effectiveTrials(separated(400, 400), 0), 1e-9);
    }

    @Test
    void effectiveTrialsStayBetweenTheBounds() {
        Random random = new Random(3);
        Scores s = gaussian(random, 50, 200, 1.0);
        double area = Metrics.auFaFr(s.keywordScore(), s.isKeyword());
        double n = AuFaFrInterval.effectiveTrials(s, area);
        assertTrue(n >= 50.0 * 200 / 250 && n <= 50.0 * 200, "n=" + n);
    }

    @Test
    void auFaFrIntervalCoversTheTrueAreaMostOfTheTime() {
        // Keyword scores ~ N(d, 1), others ~ N(0, 1): the true area is P(other > keyword) = Phi(-d / sqrt 2).
        double d = 1.5;
        double truth = 0.14442; // Phi(-1.06066)
        Random random = new Random(11);
        int covered = 0;
        int runs = 300;
        for (int r = 0; r < runs; r++) {
            Scores s = gaussian(random, 60, 120, d);
            covered += ClipMetrics.of(s).auFaFrInterval().contains(truth) ? 1 : 0;
        }
        // Nominal 95%; binomial noise over 300 runs is about +-1.3%, so 90% flags a method that is too narrow.
        assertTrue(covered >= 0.90 * runs, "covered " + covered + " of " + runs);
        assertTrue(covered <= 0.995 * runs, "suspiciously wide: covered " + covered + " of " + runs);
    }

    @Test
    void rejectsASingleClass() {
        assertThrows(IllegalArgumentException.class,
                () -> ClipMetrics.of(new Scores(new float[] {0.2f, 0.3f}, new boolean[] {true, true})));
        assertThrows(IllegalArgumentException.class, () -> new Scores(new float[] {Float.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> new Scores(new float[] {0.1f}, new boolean[0]));
    }

    private static Scores separated(int positives, int negatives) {
        float[] s = new float[positives + negatives];
        boolean[] k = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            k[i] = i < positives;
            s[i] = k[i] ? 0.6f + 0.3f * i / positives : 0.4f * (i - positives) / negatives;
        }
        return new Scores(s, k);
    }

    private static Scores gaussian(Random random, int positives, int negatives, double d) {
        float[] s = new float[positives + negatives];
        boolean[] k = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            k[i] = i < positives;
            s[i] = (float) (random.nextGaussian() + (k[i] ? d : 0));
        }
        return new Scores(s, k);
    }
}
