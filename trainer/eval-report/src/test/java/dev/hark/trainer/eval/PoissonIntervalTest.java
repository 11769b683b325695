package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class PoissonIntervalTest {
    @Test
    void cdfMatchesClosedForms() {
        for (double x = 0.1; x < 20; x *= 1.7) {
            assertEquals(1 - Math.exp(-x), RegularizedGamma.cdf(x, 1), 1e-14);
            assertEquals(1 - Math.exp(-x) * (1 + x), RegularizedGamma.cdf(x, 2), 1e-14);
            assertEquals(1 - Math.exp(-x) * (1 + x + x * x / 2), RegularizedGamma.cdf(x, 3), 1e-14);
        }
        assertEquals(0, RegularizedGamma.cdf(0, 4));
        assertEquals(1, RegularizedGamma.cdf(Double.POSITIVE_INFINITY, 4));
    }

    @Test
    void cdfMatchesReferenceValues() {
        // Reference values from scipy.stats.gamma.cdf.
        assertEquals(0.34527915398142317, RegularizedGamma.cdf(0.1, 0.5), 1e-13);
        assertEquals(0.45618688411667035, RegularizedGamma.cdf(2.5, 3), 1e-13);
        assertEquals(0.7576078383294875, RegularizedGamma.cdf(12, 10), 1e-13);
        assertEquals(0.15822098918643007, RegularizedGamma.cdf(90, 100), 1e-12);
        assertEquals(9.999950000166668e-06, RegularizedGamma.cdf(1e-5, 1), 1e-18);
    }

    @Test
    void intervalsMatchReferenceValues() {
        // Reference values: scipy.stats.gamma.ppf(0.025, k) and gamma.ppf(0.975, k + 1).
        double[][] expected = {{0, 0, 3.6888794541139354}, {1, 0.025317807984289876, 5.571643390938898},
            {2, 0.24220927854396496, 7.22468766772396}, {5, 1.6234863901184207, 11.66833207932267},
            {10, 4.7953886961324335, 18.39035604201778}, {100, 81.36399125092314, 121.62679379242638}};
        for (double[] e : expected) {
            Interval i = PoissonInterval.of((long) e[0]);
            assertEquals(e[1], i.low(), 1e-10 * Math.max(1, e[1]), "low for " + e[0]);
            assertEquals(e[2], i.high(), 1e-10 * e[2], "high for " + e[0]);
        }
    }

    @Test
    void aRateIsTheCountsIntervalOverTheExposure() {
        Interval count = PoissonInterval.of(3);
        Interval rate = PoissonInterval.ofRate(3, 2.5);
        assertEquals(count.low() / 2.5, rate.low(), 1e-12);
        assertEquals(count.high() / 2.5, rate.high(), 1e-12);
        assertTrue(rate.contains(3 / 2.5));
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double a : new double[] {0.3, 1, 4.5, 60, 2000}) {
            for (double p : new double[] {1e-6, 0.025, 0.5, 0.975}) {
                double x = RegularizedGamma.quantile(p, a);
                assertEquals(p, RegularizedGamma.cdf(x, a), 1e-9 * Math.max(1, p / 1e-3), "a=" + a + " p=" + p);
            }
        }
    }

    @Test
    void rejectsImpossibleInput() {
        assertThrows(IllegalArgumentException.class, () -> PoissonInterval.of(-1));
        assertThrows(IllegalArgumentException.class, () -> PoissonInterval.ofRate(1, 0));
        assertThrows(IllegalArgumentException.class, () -> RegularizedGamma.cdf(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> RegularizedGamma.quantile(1, 2));
        assertThrows(IllegalArgumentException.class, () -> RegularizedGamma.quantile(0.5, 0));
    }
}
