package dev.hark.trainer.eval;

import dev.hark.sim.Checks;

/**
 * The regularized lower incomplete gamma function {@code P(a, x)} (the Gamma(a, 1) distribution function) and its
 * inverse, for the exact Poisson interval ({@link PoissonInterval}), written out as {@link RegularizedBeta} is.
 *
 * <p>{@code P} uses the series below {@code x = a + 1} and the continued fraction for {@code Q = 1 - P} above it
 * (Numerical Recipes' {@code gser} and {@code gcf}, modified Lentz), each where it converges fast. The inverse
 * brackets the quantile, bisects, then polishes with Newton steps kept inside the bracket.
 */
public final class RegularizedGamma {
    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPSILON = 1e-15;

    private RegularizedGamma() {
    }

    /**
     * {@code P(a, x) = P(X <= x)} for {@code X ~ Gamma(a, 1)}.
     *
     * @throws IllegalArgumentException if {@code a} is not positive and finite or {@code x} is negative or NaN
     */
    public static double cdf(double x, double a) {
        checkShape(a);
        if (!(x >= 0)) {
            throw new IllegalArgumentException("incomplete gamma: x must be >= 0, got " + x);
        }
        if (x == 0) {
            return 0;
        }
        if (Double.isInfinite(x)) {
            return 1;
        }
        // front = x^a e^-x / Γ(a), in logs to survive large shapes.
        double logFront = a * Math.log(x) - x - RegularizedBeta.logGamma(a);
        if (x < a + 1) {
            return Math.exp(logFront) * series(x, a);
        }
        return 1 - Math.exp(logFront) * continuedFraction(x, a);
    }

    /**
     * The {@code p}-quantile of Gamma(a, 1): the {@code x} with {@code P(a, x) = p}.
     *
     * @throws IllegalArgumentException if the shape is not positive and finite or {@code p} is outside
     *                                  {@code [0, 1)}
     */
    public static double quantile(double p, double a) {
        checkShape(a);
        Checks.unitInterval("gamma quantile: p", p);
        if (p == 1) {
            throw new IllegalArgumentException("gamma quantile: p = 1 is at infinity");
        }
        if (p == 0) {
            return 0;
        }
        // A bracket [lo, hi] with hi = 2 lo: doubling or halving from max(1, a), so quantiles far below 1 (small
        // shapes, small p) are bracketed as tightly, relative to their size, as large ones.
        double hi = Math.max(1, a);
        while (cdf(hi, a) < p) {
            hi *= 2;
        }
        while (cdf(hi / 2, a) >= p) {
            hi /= 2;
        }
        double lo = hi / 2;
        double x = 0.5 * (lo + hi);
        // Bisection to a narrow bracket; the Newton polish takes the last digits.
        for (int i = 0; i < 60; i++) {
            x = 0.5 * (lo + hi);
            if (cdf(x, a) < p) {
                lo = x;
            } else {
                hi = x;
            }
        }
        x = 0.5 * (lo + hi);
        for (int i = 0; i < 50; i++) {
            double f = cdf(x, a) - p;
            double density = Math.exp((a - 1) * Math.log(x) - x - RegularizedBeta.logGamma(a));
            if (f == 0 || !(density > 0) || !Double.isFinite(density)) {
                break;
            }
            double next = x - f / density;
            if (!(next > 0) || Math.abs(next - x) <= 1e-16 * Math.max(1, x)) {
                break;
            }
            x = next;
        }
        return x;
    }

    /** {@code sum_n x^n / (a (a+1) ... (a+n))}; converges fast for {@code x < a + 1}. */
    private static double series(double x, double a) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n <= MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                return sum;
            }
        }
        throw new ArithmeticException("incomplete gamma: series did not converge for x=" + x + ", a=" + a);
    }

    /** The continued fraction for {@code Q(a, x)} without its front factor, modified Lentz; for {@code x >= a + 1}. */
    private static double continuedFraction(double x, double a) {
        return ContinuedFraction.evaluate(n -> -n * (n - a), n -> x + 1 - a + 2 * n, MAX_ITERATIONS,
                "incomplete gamma for x=" + x + ", a=" + a);
    }

    private static void checkShape(double a) {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("gamma distribution: the shape must be positive and finite, got " + a);
        }
    }
}
