package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.train.Metrics;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class PairedBootstrapTest {
    private static final boolean[] LABELS = {true, true, true, true, false, false, false, false, false, false};
    /** Separates the classes: au_fa_fr 0. */
    private static final float[] PERFECT = {0.9f, 0.8f, 0.95f, 0.7f, 0.1f, 0.2f, 0.3f, 0.05f, 0.15f, 0.25f};
    /** Ranks every keyword clip below every other clip: au_fa_fr 1. */
    private static final float[] INVERTED = {0.1f, 0.2f, 0.15f, 0.05f, 0.9f, 0.8f, 0.7f, 0.6f, 0.95f, 0.85f};

    @Test
    void weightOneIsMetricsAuFaFrAndAWeightRepeatsAClip() {
        Random random = new Random(7);
        int n = 60;
        float[] scores = new float[n];
        boolean[] keyword = new boolean[n];
        for (int i = 0; i < n; i++) {
            keyword[i] = i % 4 == 0;
            scores[i] = random.nextInt(12) / 11f; // many ties
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        WeightedAuFaFr weighted = new WeightedAuFaFr(scores, keyword);
        assertEquals(Metrics.auFaFr(scores, keyword), weighted.area(ones));

        int[] weights = new int[n];
        float[] repeatedScores = new float[0];
        boolean[] repeatedLabels = new boolean[0];
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextInt(3);
            for (int w = 0; w < weights[i]; w++) {
                repeatedScores = Arrays.copyOf(repeatedScores, repeatedScores.length + 1);
                repeatedScores[repeatedScores.length - 1] = scores[i];
                repeatedLabels = Arrays.copyOf(repeatedLabels, repeatedLabels.length + 1);
                repeatedLabels[repeatedLabels.length - 1] = keyword[i];
            }
        }
        assertEquals(Metrics.auFaFr(repeatedScores, repeatedLabels), weighted.area(weights), 1e-15);
    }

    @Test
    void aPerfectModelBeatsAnInvertedOneWhateverTheResample() {
        PairedBootstrap bootstrap = PairedBootstrap.run(LABELS, List.of(List.of(PERFECT), List.of(INVERTED)), 200, 1);
        assertEquals(0, bootstrap.figure(0));
        assertEquals(1, bootstrap.figure(1));
        // Every resample keeps the perfect ranking perfect and the inverted one inverted.
        assertEquals(new Interval(0, 0), bootstrap.interval(0));
        assertEquals(new Interval(1, 1), bootstrap.interval(1));
        PairedBootstrap.Comparison ab = bootstrap.compare(0, 1);
        assertEquals(-1, ab.difference());
        assertEquals(new Interval(-1, -1), ab.interval());
        assertEquals(Verdict.A_BETTER, ab.verdict());
        assertEquals(Verdict.B_BETTER, bootstrap.compare(1, 0).verdict());
    }

    @Test
    void aModelAgainstItselfCannotBeTold() {
        float[] mixed = {0.9f, 0.3f, 0.6f, 0.7f, 0.1f, 0.5f, 0.3f, 0.8f, 0.15f, 0.25f};
        PairedBootstrap bootstrap = PairedBootstrap.run(LABELS, List.of(List.of(mixed), List.of(mixed)), 100, 3);
        PairedBootstrap.Comparison same = bootstrap.compare(0, 1);
        assertEquals(new Interval(0, 0), same.interval());
        assertEquals(Verdict.CANNOT_TELL, same.verdict());
        Interval alone = bootstrap.interval(0);
        assertTrue(alone.low() < bootstrap.figure(0) && bootstrap.figure(0) < alone.high(), alone.toString());
    }

    @Test
    void aModelsFigureIsTheMeanOverItsSeeds() {
        float[] mixed = {0.9f, 0.3f, 0.6f, 0.7f, 0.1f, 0.5f, 0.3f, 0.8f, 0.15f, 0.25f};
        PairedBootstrap bootstrap = PairedBootstrap.run(LABELS, List.of(List.of(PERFECT, INVERTED, mixed)), 10, 1);
        assertEquals((0 + 1 + Metrics.auFaFr(mixed, LABELS)) / 3, bootstrap.figure(0), 1e-15);
    }

    @Test
    void theSeedFixesTheResamplesAndTheirNumberCounts() {
        Random random = new Random(11);
        boolean[] labels = new boolean[80];
        float[] a = new float[80];
        float[] b = new float[80];
        for (int i = 0; i < 80; i++) {
            labels[i] = i % 5 == 0;
            a[i] = (float) (random.nextGaussian() + (labels[i] ? 1.5 : 0));
            b[i] = (float) (random.nextGaussian() + (labels[i] ? 1.0 : 0));
        }
        List<List<float[]>> models = List.of(List.of(a), List.of(b));
        PairedBootstrap.Comparison first = PairedBootstrap.run(labels, models, 500, 4).compare(0, 1);
        assertEquals(first, PairedBootstrap.run(labels, models, 500, 4).compare(0, 1));
        assertNotEquals(first.interval(), PairedBootstrap.run(labels, models, 500, 5).compare(0, 1).interval());
        assertNotEquals(first.interval(), PairedBootstrap.run(labels, models, 50, 4).compare(0, 1).interval());
        assertEquals(Metrics.auFaFr(a, labels) - Metrics.auFaFr(b, labels), first.difference(), 1e-15);
    }

    @Test
    void percentileTakesTheOrderStatisticsOutward() {
        double[] values = new double[41];
        Arrays.setAll(values, i -> 40 - i); // 0 .. 40, reversed
        // 0.025 * 40 = 1, 0.975 * 40 = 39: exact indices.
        assertEquals(new Interval(1, 39), PairedBootstrap.percentile(values));
        double[] eleven = new double[11];
        Arrays.setAll(eleven, i -> i);
        // 0.025 * 10 = 0.25 -> 0, 0.975 * 10 = 9.75 -> 10.
        assertEquals(new Interval(0, 10), PairedBootstrap.percentile(eleven));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.run(LABELS, List.of(List.of(PERFECT)), 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.run(new boolean[] {true, true}, List.of(List.of(new float[2])), 10, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.run(LABELS, List.of(List.of()), 10, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PairedBootstrap.run(LABELS, List.of(List.of(new float[3])), 10, 1));
    }
}
