package dev.hark.trainer.eval;

/**
 * 95% intervals of a rate from the Beta posterior: with {@code k} successes in {@code n} trials and a uniform
 * prior, the rate's posterior is {@code Beta(k + 1, n - k + 1)}; the interval is its central 95%, from the 2.5%
 * to the 97.5% quantile, except at a count of 0 or n, where it reaches 0 or 1 ({@link #around}). Unlike the normal
 * approximation it stays inside {@code [0, 1]} and is honest about zero counts: 0 errors in 100 trials gives about
 * {@code [0, 0.036]}, not {@code [0, 0]}.
 */
public final class BetaInterval {
    /** The central mass of every interval this class returns. */
    public static final double LEVEL = 0.95;

    private BetaInterval() {
    }

    /**
     * @param successes the counted events (errors, alarms, correct answers: whatever rate is wanted)
     * @param trials    the number of trials, {@code >= successes}
     * @return the central 95% interval of the rate under Beta(successes + 1, trials - successes + 1), from 0 when
     *         there are no successes and to 1 when every trial is one; [0, 1] for no trials
     * @throws IllegalArgumentException if a count is negative or successes exceed trials
     */
    public static Interval of(long successes, long trials) {
        return central(successes, trials, LEVEL);
    }

    /** Like {@link #of} with another central mass {@code level} in {@code (0, 1)}. */
    public static Interval central(long successes, long trials, double level) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("Beta interval: need 0 <= successes <= trials, got " + successes
                    + " of " + trials);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Beta interval: level must be in (0, 1), got " + level);
        }
        if (trials == 0) {
            return new Interval(0, 1);
        }
        return around((double) successes / trials, successes + 1.0, trials - successes + 1.0, level);
    }

    /**
     * The central {@code level} interval of Beta(a, b), except that it reaches 0 when {@code estimate} is 0 and 1 when
     * it is 1. A rate measured at an end of {@code [0, 1]} would otherwise lie outside its
     * own interval: the central 95% of Beta(1, 36), 0 misses of 35 keywords, is [0.0007, 0.0974]. Brown, Cai and
     * DasGupta (Statistical Science, 2001) amend the Jeffreys interval the same way.
     */
    public static Interval around(double estimate, double a, double b, double level) {
        Interval central = ofShape(a, b, level);
        return new Interval(estimate <= 0 ? 0 : central.low(), estimate >= 1 ? 1 : central.high());
    }

    /**
     * The exact (Clopper-Pearson) 95% interval of a binomial rate: from the 2.5% quantile of
     * {@code Beta(k, n - k + 1)} to the 97.5% quantile of {@code Beta(k + 1, n - k)}, with 0 and 1 at the ends
     * where a shape would be 0. It covers the true rate in at least 95% of experiments, so it is a little wider
     * than {@link #of}: 20 misses of 50 give [0.264, 0.548]. Used for a detector's miss rate on a stream, as
     * streaming wake-word benchmarks quote it.
     *
     * @throws IllegalArgumentException if a count is negative or successes exceed trials
     */
    public static Interval clopperPearson(long successes, long trials) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("Clopper-Pearson interval: need 0 <= successes <= trials, got "
                    + successes + " of " + trials);
        }
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double tail = (1 - LEVEL) / 2;
        double low = successes == 0 ? 0 : RegularizedBeta.quantile(tail, successes, trials - successes + 1.0);
        double high = successes == trials ? 1
                : RegularizedBeta.quantile(1 - tail, successes + 1.0, trials - successes);
        return new Interval(low, Math.max(low, high));
    }

    /** The central {@code level} interval of Beta(a, b) for any positive shapes. */
    public static Interval ofShape(double a, double b, double level) {
        double tail = (1 - level) / 2;
        double low = RegularizedBeta.quantile(tail, a, b);
        double high = RegularizedBeta.quantile(1 - tail, a, b);
        return new Interval(low, Math.max(low, high));
    }
}
