package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import dev.hark.testing.MisrankedPairs;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@Fast
class MetricsTest {

    /**
     * Other clips score 0.1 and 0.6, keyword clips 0.4 and 0.8. Sweeping the threshold down: (FA 0, FR 1) ->
     * 0.8 accepted (0, 0.5) -> 0.6 (0.5, 0.5) -> 0.4 (0.5, 0) -> 0.1 (1, 0). Area: 0.5 * 0.5 = 0.25.
     */
    @Test
    void handMadeCurve() {
        float[] p = {0.1f, 0.4f, 0.6f, 0.8f};
        boolean[] keyword = {false, true, false, true};
        assertEquals(0.25, Metrics.auFaFr(p, keyword), 1e-12);
        assertEquals(0.5, Metrics.accuracy(p, keyword), 1e-12);
    }

    @Test
    void perfectSeparationIsZeroAndFullInversionIsOne() {
        boolean[] keyword = {false, false, true, true};
        assertEquals(0.0, Metrics.auFaFr(new float[] {0.1f, 0.2f, 0.7f, 0.9f}, keyword), 1e-12);
        assertEquals(1.0, Metrics.auFaFr(new float[] {0.8f, 0.9f, 0.1f, 0.2f}, keyword), 1e-12);
    }

    /** One keyword and one other clip with the same score: the curve is the diagonal, area 0.5. */
    @Test
    void tiedScoresDrawADiagonal() {
        assertEquals(0.5, Metrics.auFaFr(new float[] {0.3f, 0.3f}, new boolean[] {true, false}), 1e-12);
        // Ties across the classes only: 2 keyword at 0.9, one at 0.5 tied with one other, one other at 0.1.
        float[] p = {0.9f, 0.9f, 0.5f, 0.5f, 0.1f};
        boolean[] keyword = {true, true, true, false, false};
        // Curve: (0,1) -> (0,1/3) -> (1/2,0) -> (1,0); area = 1/2 * (1/3 + 0) / 2 = 1/12.
        assertEquals(1.0 / 12, Metrics.auFaFr(p, keyword), 1e-12);
    }

    /** Equals the fraction of (keyword, other) pairs ranked wrongly, ties counting half. */
    @Test
    void equalsTheMisrankedPairFraction() {
        Random random = new Random(3);
        float[] p = new float[200];
        boolean[] keyword = new boolean[200];
        for (int i = 0; i < p.length; i++) {
            keyword[i] = random.nextInt(4) == 0;
            p[i] = Math.round((random.nextFloat() + (keyword[i] ? 0.3f : 0f)) * 20) / 20f; // many ties
        }
        double[] widened = IntStream.range(0, p.length).mapToDouble(i -> p[i]).toArray();
        assertEquals(MisrankedPairs.fraction(widened, keyword), Metrics.auFaFr(p, keyword), 1e-12);
    }

    @Test
    void rejectsASingleClassOrMismatchedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Metrics.auFaFr(new float[] {0.1f, 0.2f}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class,
                () -> Metrics.auFaFr(new float[] {0.1f}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class,
                () -> Metrics.auFaFr(new float[] {Float.NaN, 0.2f}, new boolean[] {true, false}));
    }
}
