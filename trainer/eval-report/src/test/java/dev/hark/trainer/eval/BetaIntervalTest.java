package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class BetaIntervalTest {
    @Test
    void cdfMatchesClosedForms() {
        for (double x = 0.05; x < 1; x += 0.1) {
            assertEquals(x, RegularizedBeta.cdf(x, 1, 1), 1e-14);
            assertEquals(Math.pow(x, 3.5), RegularizedBeta.cdf(x, 3.5, 1), 1e-13);
            assertEquals(1 - Math.pow(1 - x, 7), RegularizedBeta.cdf(x, 1, 7), 1e-13);
            assertEquals(3 * x * x - 2 * x * x * x, RegularizedBeta.cdf(x, 2, 2), 1e-13);
        }
        assertEquals(0.5, RegularizedBeta.cdf(0.5, 37, 37), 1e-13);
        assertEquals(0, RegularizedBeta.cdf(0, 2, 3));
        assertEquals(1, RegularizedBeta.cdf(1, 2, 3));
    }

    @Test
    void cdfMatchesReferenceValues() {
        // Reference values from scipy.stats.beta.cdf.
        assertEquals(0.4300310224159569, RegularizedBeta.cdf(0.1, 11, 91), 1e-12);
        assertEquals(0.20483276469913345, RegularizedBeta.cdf(0.1, 0.5, 0.5), 1e-12);
        assertEquals(1.1522969943652713e-24, RegularizedBeta.cdf(0.1, 51, 51), 1e-36);
    }

    @Test
    void quantilesMatchReferenceValues() {
        // Reference values from scipy.stats.beta.ppf.
        assertEquals(0.055637223835302965, RegularizedBeta.quantile(0.025, 11, 91), 1e-11);
        assertEquals(0.17455282607711903, RegularizedBeta.quantile(0.975, 11, 91), 1e-11);
        assertEquals(0.0006190999316495713, RegularizedBeta.quantile(0.025, 3, 998), 1e-13);
        assertEquals(0.007205838911457497, RegularizedBeta.quantile(0.975, 3, 998), 1e-12);
        assertEquals(0.40364306750950685, RegularizedBeta.quantile(0.025, 51, 51), 1e-11);
        assertEquals(0.001541333133436012, RegularizedBeta.quantile(0.025, 0.5, 0.5), 1e-11);
        assertEquals(0.9984586668665639, RegularizedBeta.quantile(0.975, 0.5, 0.5), 1e-11);
        assertEquals(0.9505597115198683, RegularizedBeta.quantile(0.025, 200, 5), 1e-11);
        assertEquals(0.991994901213999, RegularizedBeta.quantile(0.975, 200, 5), 1e-11);
    }

    @Test
    void quantileInvertsTheCdf() {
        double[][] shapes = {{1, 1}, {2, 30}, {0.7, 3}, {400, 600}, {1, 100001}};
        for (double[] s : shapes) {
            for (double p : new double[] {1e-6, 0.025, 0.3, 0.5, 0.9, 0.975}) {
                double x = RegularizedBeta.quantile(p, s[0], s[1]);
                assertEquals(p, RegularizedBeta.cdf(x, s[0], s[1]), 1e-9 * Math.max(1, p / 1e-3),
                        "a=" + s[0] + " b=" + s[1] + " p=" + p);
            }
        }
    }

    @Test
    void zeroErrorsInAHundredTrials() {
        // Beta(1, 101): quantile q = 1 - (1 - p)^(1/101) in closed form.
        // The upper end is the 97.5% quantile; the lower one is 0 itself, where the estimate lies.
        Interval i = BetaInterval.of(0, 100);
        assertEquals(0, i.low());
        assertEquals(1 - Math.pow(0.025, 1 / 101.0), i.high(), 1e-12);
        assertTrue(i.high() > 0.03 && i.high() < 0.04);
    }

    @Test
    void everyRateLiesInsideItsOwnInterval() {
        for (int n = 1; n <= 50; n++) {
            for (int k = 0; k <= n; k++) {
                Interval i = BetaInterval.of(k, n);
                assertTrue(i.contains((double) k / n), k + " of " + n + ": " + i);
                if (k > 0 && k < n) {
                    Interval central = BetaInterval.ofShape(k + 1.0, n - k + 1.0, BetaInterval.LEVEL);
                    assertEquals(central, i, "inside [0, 1] the central interval, " + k + " of " + n);
                }
            }
        }
        assertEquals(new Interval(0, 1), BetaInterval.of(0, 0), "no trials: no knowledge");
    }

    @Test
    void allSuccessesMirrorNoSuccesses() {
        Interval none = BetaInterval.of(0, 40);
        Interval all = BetaInterval.of(40, 40);
        assertEquals(1 - none.high(), all.low(), 1e-12);
        assertEquals(1 - none.low(), all.high(), 1e-12);
    }

    @Test
    void intervalNarrowsWithMoreTrials() {
        Interval small = BetaInterval.of(10, 100);
        Interval large = BetaInterval.of(100, 1000);
        assertTrue(small.contains(0.1) && large.contains(0.1));
        assertTrue(large.high() - large.low() < (small.high() - small.low()) / 2.5);
    }

    @Test
    void clopperPearsonMatchesReferenceValues() {
        // Reference values: scipy.stats.beta.ppf(0.025, k, n - k + 1) and beta.ppf(0.975, k + 1, n - k).
        double[][] expected = {{20, 50, 0.2640783950945368, 0.5482059715208196}, {0, 30, 0, 0.11570330822202778},
            {30, 30, 0.8842966917779722, 1}, {3, 86, 0.007252456428303052, 0.09857616398853222},
            {1, 200, 0.00012658102786701825, 0.02754189845720562}};
        for (double[] e : expected) {
            Interval i = BetaInterval.clopperPearson((long) e[0], (long) e[1]);
            assertEquals(e[2], i.low(), 1e-11, e[0] + " of " + e[1]);
            assertEquals(e[3], i.high(), 1e-11, e[0] + " of " + e[1]);
        }
        assertEquals(new Interval(0, 1), BetaInterval.clopperPearson(0, 0));
    }

    @Test
    void clopperPearsonIsWiderThanThePosteriorInterval() {
        for (int k : new int[] {0, 3, 25, 50}) {
            Interval exact = BetaInterval.clopperPearson(k, 50);
            Interval posterior = BetaInterval.of(k, 50);
            assertTrue(exact.low() <= posterior.low() && exact.high() >= posterior.high(), "k=" + k);
        }
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> BetaInterval.clopperPearson(5, 4));
        assertThrows(IllegalArgumentException.class, () -> BetaInterval.of(5, 4));
        assertThrows(IllegalArgumentException.class, () -> BetaInterval.of(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> RegularizedBeta.cdf(1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RegularizedBeta.quantile(0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
    }
}
