package dev.hark.sim.fast;

/** The loops the fast kernels are made of: widening int8 values with an offset, and int32 dot products. */
final class Widened {
    private Widened() {
    }

    /** {@code to[toFrom + i] = from[fromFrom + i] + offset} for {@code i < count}. */
    static void widen(byte[] from, int fromFrom, int[] to, int toFrom, int count, int offset) {
        for (int i = 0; i < count; i++) {
            to[toFrom + i] = from[fromFrom + i] + offset;
        }
    }

    /** A copy of {@code values} as {@code int}. */
    static int[] widen(byte[] values) {
        int[] widened = new int[values.length];
        widen(values, 0, widened, 0, values.length, 0);
        return widened;
    }

    /**
     * The int32 sum of {@code a[aFrom + i] * b[bFrom + i]} for {@code i < count}, wrapping as C's int32 does: the same
     * integer in whatever order the products are added.
     */
    static int dot(int[] a, int aFrom, int[] b, int bFrom, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }

    /** {@link #dot(int[], int, int[], int, int)} with int8 values for {@code b}. */
    static int dot(int[] a, int aFrom, byte[] b, int bFrom, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }

    /** C's {@code MAX} then {@code MIN}, the order the kernels clamp in (it matters only if min > max). */
    static int clamp(int value, int min, int max) {
        return Math.min(Math.max(value, min), max);
    }
}
