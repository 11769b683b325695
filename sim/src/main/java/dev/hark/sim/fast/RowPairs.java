package dev.hark.sim.fast;

/**
 * The rows of a constant weight matrix laid out for dot products two rows at a time: rows {@code 2p} and
 * {@code 2p + 1} are packed into one {@code long} per column, {@code w[2p][i] + w[2p + 1][i] * 2^32}, so that one
 * 64-bit multiply-add {@code x[i] * packed[p][i]} adds a product to each row's sum:
 * {@code sum = S0 + S1 * 2^32 (mod 2^64)}. The JIT does not vectorize an {@code int} dot product's reduction, so
 * this doubles the products a multiply makes.
 *
 * <p>Exact: the low half is {@code S0 mod 2^32}, C's wrapping int32 sum; the high half is
 * {@code (sum - S0) / 2^32 = S1 (mod 2^32)} as long as {@code S0} itself does not leave the int32 range, which no
 * input can make it do when {@code maxAbsInput * sum_i |w[2p][i]| <= 2^31 - 1}. A matrix for which some row fails
 * that bound keeps the plain one-row loop.
 */
final class RowPairs {
    private final int rows;
    private final int length;
    /** {@code [rows / 2 rounded up][length]}, an odd last row paired with zeros; {@code null} if not exact. */
    private final long[] pairs;
    /** {@code [rows][length]}, used when the pairs are not exact. */
    private final int[] plain;

    /**
     * @param weights     {@code [rows][length]}
     * @param maxAbsInput the largest magnitude an input value can have
     */
    RowPairs(int[] weights, int rows, int length, long maxAbsInput) {
        if (weights.length != rows * length) {
            throw new IllegalArgumentException(weights.length + " weights are not " + rows + " rows of " + length);
        }
        this.rows = rows;
        this.length = length;
        if (exact(weights, rows, length, maxAbsInput)) {
            this.pairs = pack(weights, rows, length);
            this.plain = null;
        } else {
            this.pairs = null;
            this.plain = weights.clone();
        }
    }

    int rows() {
        return rows;
    }

    int length() {
        return length;
    }

    /** Whether the rows run two at a time (false only for a matrix whose sums could leave int32). */
    boolean paired() {
        return pairs != null;
    }

    /**
     * {@code sums[sumsFrom + r] = sum_i x[xFrom + i] * w[r][i]} (wrapping as C's int32 does) for every row.
     */
    void dots(int[] x, int xFrom, int[] sums, int sumsFrom) {
        if (pairs == null) {
            for (int r = 0; r < rows; r++) {
                sums[sumsFrom + r] = Widened.dot(x, xFrom, plain, r * length, length);
            }
            return;
        }
        int pairCount = (rows + 1) / 2;
        int p = 0;
        // Two pairs a pass: each input value is loaded once for four rows.
        for (; p + 1 < pairCount; p += 2) {
            long first = 0;
            long second = 0;
            int a = p * length;
            int b = a + length;
            for (int i = 0; i < length; i++) {
                long value = x[xFrom + i];
                first += value * pairs[a + i];
                second += value * pairs[b + i];
            }
            int r = sumsFrom + 2 * p;
            sums[r] = low(first);
            sums[r + 1] = high(first);
            sums[r + 2] = low(second);
            if (2 * p + 3 < rows) {
                sums[r + 3] = high(second);
            }
        }
        if (p < pairCount) {
            long sum = 0;
            int a = p * length;
            for (int i = 0; i < length; i++) {
                sum += x[xFrom + i] * pairs[a + i];
            }
            int r = sumsFrom + 2 * p;
            sums[r] = low(sum);
            if (2 * p + 1 < rows) {
                sums[r + 1] = high(sum);
            }
        }
    }

    /** The largest magnitude of {@code value + offset} over int8 values. */
    static long maxAbsWidened(int offset) {
        return Math.max(Math.abs((long) Byte.MIN_VALUE + offset), Math.abs((long) Byte.MAX_VALUE + offset));
    }

    private static int low(long sums) {
        return (int) sums;
    }

    private static int high(long sums) {
        return (int) ((sums - (int) sums) >> 32);
    }

    private static boolean exact(int[] weights, int rows, int length, long maxAbsInput) {
        for (int r = 0; r < rows; r += 2) {
            long magnitude = 0;
            for (int i = 0; i < length; i++) {
                magnitude += Math.abs((long) weights[r * length + i]);
            }
            // Math.multiplyHigh guards the product itself against overflow for absurd offsets.
            if (Math.multiplyHigh(magnitude, maxAbsInput) != 0 || magnitude * maxAbsInput > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static long[] pack(int[] weights, int rows, int length) {
        long[] packed = new long[(rows + 1) / 2 * length];
        for (int r = 0; r < rows; r++) {
            int p = r / 2;
            for (int i = 0; i < length; i++) {
                long w = weights[r * length + i];
                packed[p * length + i] += r % 2 == 0 ? w : w << 32;
            }
        }
        return packed;
    }
}
