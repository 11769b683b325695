package dev.hark.trainer.eval;

/**
 * The Wilson score 95% interval of a proportion. Unlike the exact binomial interval it takes a proportion that is not
 * a whole count over the trials, such as a miss rate averaged over training seeds that all heard the same keywords:
 * the seeds add no new keywords, so the trials are the keywords, counted once.
 */
public final class WilsonInterval {
    /** The standard normal's 97.5% quantile: the half-width of a central 95% interval in standard errors. */
    private static final double Z = 1.959963984540054;

    private WilsonInterval() {
    }

    /**
     * @param proportion the observed proportion, 0 to 1
     * @param trials     the trials it was observed on, at least 0 ({@code [0, 1]} for none)
     * @throws IllegalArgumentException if the proportion is outside {@code [0, 1]} or the trials negative
     */
    public static Interval of(double proportion, long trials) {
        if (!(proportion >= 0 && proportion <= 1) || trials < 0) {
            throw new IllegalArgumentException("Wilson interval: need a proportion in [0, 1] and trials >= 0, got "
                    + proportion + " of " + trials);
        }
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (proportion + z2 / (2 * n)) / denominator;
        double half = Z * Math.sqrt(proportion * (1 - proportion) / n + z2 / (4 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
