package dev.hark.sim.frontend;

/**
 * The two rounding rules the front end uses, each defined once so the Java and C versions cannot drift.
 */
final class FixedPoint {
    private FixedPoint() {
    }

    /**
     * {@code floor((x + 2^(shift-1)) / 2^shift)}: round to nearest, ties toward +infinity, computed with an
     * arithmetic right shift. Callers guarantee {@code x + 2^(shift-1)} does not overflow.
     */
    static long roundShift(long x, int shift) {
        return (x + (1L << (shift - 1))) >> shift;
    }

    /** int variant of {@link #roundShift(long, int)}; the caller guarantees no int overflow. */
    static int roundShift(int x, int shift) {
        return (x + (1 << (shift - 1))) >> shift;
    }

    /**
     * Table-generation rounding of a real value: to nearest, ties away from zero, so tables of symmetric
     * functions come out symmetric. Only ever applied to StrictMath results, which are identical on every JVM.
     */
    static long roundHalfAwayFromZero(double x) {
        return x >= 0 ? (long) StrictMath.floor(x + 0.5) : -(long) StrictMath.floor(-x + 0.5);
    }
}
