package dev.hark.trainer.eval;

/**
 * A closed interval {@code [low, high]} of a rate or a rate-like quantity, e.g. a 95% posterior interval.
 *
 * @param low  lower end, not NaN
 * @param high upper end, {@code >= low}
 */
public record Interval(double low, double high) {
    /** @throws IllegalArgumentException if an end is NaN or {@code high < low} */
    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || high < low) {
            throw new IllegalArgumentException("interval: bad ends [" + low + ", " + high + "]");
        }
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** Both ends multiplied by {@code factor} (non-negative), e.g. a per-slot rate turned into a rate per hour. */
    public Interval scaled(double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("interval: scale factor must be non-negative, got " + factor);
        }
        return new Interval(low * factor, high * factor);
    }

    /** {@code [low, high]} with the given number of decimals, for tables. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return "[" + String.format(java.util.Locale.ROOT, f, low) + ", "
                + String.format(java.util.Locale.ROOT, f, high) + "]";
    }
}
