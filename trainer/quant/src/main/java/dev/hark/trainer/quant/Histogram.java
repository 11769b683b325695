package dev.hark.trainer.quant;

/**
 * A histogram of a float tensor with {@value #BINS} equal bins whose range grows as values arrive, so that it needs
 * a single pass over the calibration data.
 *
 * <p>Bin {@code i} ({@code 0 <= i < BINS}) covers {@code [(i - BINS/2) * width, (i - BINS/2 + 1) * width)}: the bins
 * sit symmetrically around 0 and 0 is always a bin edge. The first non-zero value sets {@code width} so that it
 * lands in the outermost bin. A later value outside {@code [-BINS/2 * width, BINS/2 * width)} doubles the width
 * (repeatedly if needed) by merging neighbouring bins pairwise; because 0 is an edge, merging is exact and no count
 * is ever smeared. An all-zero tensor keeps its counts in the zero bin with {@code width} 0 until a non-zero value
 * arrives.
 */
public final class Histogram {
    /** Number of bins; even, so that the two halves are equal. */
    public static final int BINS = 2048;
    private static final int HALF = BINS / 2;

    private final long[] counts = new long[BINS];
    private double width;
    private long zeros; // values seen while width == 0

    /** Adds every value. NaN and infinities are rejected: they would make every range meaningless. */
    public void observe(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("histogram: non-finite value " + v);
            }
            if (v == 0f && width == 0) {
                zeros++;
                continue;
            }
            if (width == 0) {
                width = Math.abs(v) / (HALF - 0.5); // the first value lands inside the outermost bin
                counts[HALF] += zeros;
                zeros = 0;
            }
            while (Math.abs(v) >= HALF * width) {
                widen();
            }
            counts[bin(v)]++;
        }
    }

    private int bin(double v) {
        int i = (int) Math.floor(v / width) + HALF;
        return Math.max(0, Math.min(BINS - 1, i)); // guards rounding at the very edge
    }

    /** Doubles the width: new bin j (relative to 0) holds old bins 2j and 2j + 1. */
    private void widen() {
        long[] merged = new long[BINS];
        for (int i = 0; i < BINS; i++) {
            int relative = i - HALF;
            int target = Math.floorDiv(relative, 2) + HALF;
            merged[target] += counts[i];
        }
        System.arraycopy(merged, 0, counts, 0, BINS);
        width *= 2;
    }

    /** The width of one bin; 0 while every value seen was 0. */
    public double width() {
        return width;
    }

    /** Count in bin {@code i}, {@code 0 <= i < BINS}. */
    public long count(int i) {
        return i == HALF ? counts[i] + zeros : counts[i];
    }

    public long total() {
        long sum = zeros;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** The lower edge of bin {@code i} (may be {@code BINS}, giving the upper edge of the last bin). */
    public double edge(int i) {
        return (i - HALF) * width;
    }

    /**
     * The value below which a fraction {@code q} of the values lie, interpolated linearly inside its bin.
     *
     * @param q in [0, 1]
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("histogram: quantile " + q + " outside [0, 1]");
        }
        long total = total();
        if (total == 0 || width == 0) {
            return 0;
        }
        double target = q * total;
        double cumulative = 0;
        for (int i = 0; i < BINS; i++) {
            long c = count(i);
            if (c > 0 && cumulative + c >= target) {
                double inside = (target - cumulative) / c;
                return edge(i) + inside * width;
            }
            cumulative += c;
        }
        return edge(BINS);
    }
}
