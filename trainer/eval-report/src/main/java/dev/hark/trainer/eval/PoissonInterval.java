package dev.hark.trainer.eval;

/**
 * The exact (Garwood) 95% interval of a Poisson mean from one observed count {@code k}: from the 2.5% quantile
 * of Gamma(k) (0 when {@code k = 0}) to the 97.5% quantile of Gamma(k + 1). It covers the true mean in at least
 * 95% of experiments whatever the mean; 0 events give {@code [0, 3.69]}, 1 event {@code [0.025, 5.57]}. Divided by
 * the observed time it bounds a rate, e.g. false alarms per hour.
 */
public final class PoissonInterval {
    private PoissonInterval() {
    }

    /**
     * @param events the observed count, at least 0
     * @return the central 95% interval of the mean count
     * @throws IllegalArgumentException if the count is negative
     */
    public static Interval of(long events) {
        if (events < 0) {
            throw new IllegalArgumentException("Poisson interval: a count is not negative, got " + events);
        }
        double tail = (1 - BetaInterval.LEVEL) / 2;
        double low = events == 0 ? 0 : RegularizedGamma.quantile(tail, events);
        double high = RegularizedGamma.quantile(1 - tail, events + 1.0);
        return new Interval(low, Math.max(low, high));
    }

    /**
     * The interval of a rate: {@link #of(long) of(events)} divided by the exposure.
     *
     * @param exposure the time (or other extent) the events were counted over, positive
     */
    public static Interval ofRate(long events, double exposure) {
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("Poisson interval: the exposure must be positive, got " + exposure);
        }
        return of(events).scaled(1 / exposure);
    }
}
