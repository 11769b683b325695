package dev.hark.trainer.eval;

import java.util.function.IntToDoubleFunction;

/**
 * Evaluates a continued fraction {@code 1 / (b(0) + a(1) / (b(1) + a(2) / (b(2) + ...)))} by the modified Lentz
 * method, as the incomplete beta and gamma functions need it.
 */
final class ContinuedFraction {
    /** Converged when a term changes the value by less than this ratio. */
    static final double EPSILON = 1e-15;
    /** Stands in for a zero denominator, so that the recurrences go on. */
    private static final double TINY = 1e-300;

    private ContinuedFraction() {
    }

    /**
     * @param maxTerms how many terms {@code a(n)}, {@code b(n)} to take at most
     * @param what     the function and its arguments, for the message
     * @throws ArithmeticException if it has not converged after {@code maxTerms} terms
     */
    static double evaluate(IntToDoubleFunction a, IntToDoubleFunction b, int maxTerms, String what) {
        double d = 1 / nonZero(b.applyAsDouble(0));
        double c = 1 / TINY;
        double h = d;
        for (int n = 1; n <= maxTerms; n++) {
            double an = a.applyAsDouble(n);
            double bn = b.applyAsDouble(n);
            d = 1 / nonZero(bn + an * d);
            c = nonZero(bn + an / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return h;
            }
        }
        throw new ArithmeticException(what + ": continued fraction did not converge");
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }
}
