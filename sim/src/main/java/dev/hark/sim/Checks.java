package dev.hark.sim;

/**
 * The argument checks that configurations, options and numeric helpers share, each failing with one line of the
 * form {@code "<what> must be positive, got 0"}; {@code what} names the owner and the value
 * ({@code "CRNN config: frames"}).
 */
public final class Checks {
    private Checks() {
    }

    /** @throws IllegalArgumentException if {@code value <= 0} */
    public static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is not above 0 (NaN included) */
    public static double positive(String what, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is outside {@code [0, 1]} (NaN included) */
    public static double unitInterval(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
        return value;
    }
}
