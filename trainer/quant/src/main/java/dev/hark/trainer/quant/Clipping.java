package dev.hark.trainer.quant;

/**
 * The clipping ranges {@link CalibrationMethod}s choose, from a tensor's exact {@link Range} and its
 * {@link Histogram}. Every result lies inside {@code [range.min(), range.max()]} (which contains 0).
 */
public final class Clipping {
    /** Steps of the affine int8 grid across its range: 256 codes, 255 intervals. */
    static final int LEVELS = 255;
    /** Mass given to a quantized bin that is empty where the reference is not (TensorRT's smoothing). */
    private static final double EPSILON = 1e-4;

    private Clipping() {
    }

    /** {@code [lo, hi]} of a clipping window. */
    public record Window(double lo, double hi) {
    }

    public static Window minMax(Range range) {
        return new Window(range.min(), range.max());
    }

    /**
     * Clips each tail at percentile {@code p}: {@code lo} is the {@code (100 - p)}-th percentile, {@code hi} the
     * {@code p}-th.
     *
     * @param p in (50, 100]; 100 gives min-max
     */
    public static Window percentile(Range range, Histogram histogram, double p) {
        if (!(p > 50 && p <= 100)) {
            throw new IllegalArgumentException("percentile " + p + " must be in (50, 100]");
        }
        if (p == 100) {
            return minMax(range);
        }
        double lo = Math.max(range.min(), Math.min(0, histogram.quantile(1 - p / 100)));
        double hi = Math.min(range.max(), Math.max(0, histogram.quantile(p / 100)));
        return new Window(lo, hi);
    }

    /**
     * Entropy (KL) calibration adapted to an affine grid. The occupied bins span {@code a} bins below 0 and
     * {@code b} above. Each candidate window spans {@code m} bins, {@code 256 <= m <= a + b}, split as
     * {@code round(m * b / (a + b))} above 0 and the rest below (the min-max proportion, so that the zero point
     * stays where min-max would put it). For each window:
     * <ul>
     *   <li>P = the histogram inside the window, with the counts outside added to the first and last bin;</li>
     *   <li>Q = the in-window histogram (without those outliers) merged into 255 equal chunks, each chunk's count
     *       spread evenly over the bins where P is non-zero;</li>
     *   <li>both normalized, a Q bin that is empty under non-zero P given {@value #EPSILON} / m, and
     *       {@code KL(P || Q) = sum P log(P / Q)}.</li>
     * </ul>
     * The window with the smallest divergence wins (the widest on ties); its edges are cut back to min/max.
     */
    public static Window entropy(Range range, Histogram histogram) {
        double width = histogram.width();
        if (width == 0 || histogram.total() == 0) {
            return minMax(range);
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < Histogram.BINS; i++) {
            if (histogram.count(i) > 0) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        int zero = Histogram.BINS / 2;
        int below = Math.max(0, zero - first);
        int above = Math.max(0, last + 1 - zero);
        int full = below + above;
        long[] counts = new long[Histogram.BINS];
        long[] prefix = new long[Histogram.BINS + 1];
        for (int i = 0; i < Histogram.BINS; i++) {
            counts[i] = histogram.count(i);
            prefix[i + 1] = prefix[i] + counts[i];
        }
        if (full <= LEVELS) {
            return minMax(range);
        }
        double bestKl = Double.POSITIVE_INFINITY;
        int bestFrom = zero - below;
        int bestTo = zero + above;
        for (int m = LEVELS + 1; m <= full; m++) {
            int up = (int) Math.round((double) m * above / full);
            int from = zero - (m - up);
            int to = zero + up;
            double kl = divergence(counts, prefix, from, to);
            if (kl <= bestKl) {
                bestKl = kl;
                bestFrom = from;
                bestTo = to;
            }
        }
        double lo = Math.max(range.min(), Math.min(0, histogram.edge(bestFrom)));
        double hi = Math.min(range.max(), Math.max(0, histogram.edge(bestTo)));
        return new Window(lo, hi);
    }

    /** KL(P || Q) for the window of bins [from, to); see {@link #entropy}. */
    static double divergence(long[] counts, long[] prefix, int from, int to) {
        int m = to - from;
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            p[j] = counts[from + j];
        }
        p[0] += prefix[from];
        p[m - 1] += prefix[counts.length] - prefix[to];
        double[] q = new double[m];
        for (int c = 0; c < LEVELS; c++) {
            int start = (int) ((long) c * m / LEVELS);
            int stop = (int) ((long) (c + 1) * m / LEVELS);
            long sum = prefix[from + stop] - prefix[from + start];
            int nonZero = 0;
            for (int j = start; j < stop; j++) {
                nonZero += p[j] > 0 ? 1 : 0;
            }
            for (int j = start; j < stop && nonZero > 0; j++) {
                q[j] = p[j] > 0 ? (double) sum / nonZero : 0;
            }
        }
        normalize(p);
        double qTotal = 0;
        for (double v : q) {
            qTotal += v;
        }
        double kl = 0;
        for (int j = 0; j < m; j++) {
            if (p[j] == 0) {
                continue;
            }
            double qj = qTotal > 0 ? q[j] / qTotal : 0;
            if (qj == 0) {
                qj = EPSILON / m; // finite penalty for mass Q cannot represent (outliers folded into an empty bin)
            }
            kl += p[j] * Math.log(p[j] / qj);
        }
        return kl;
    }

    private static void normalize(double[] v) {
        double total = 0;
        for (double x : v) {
            total += x;
        }
        for (int i = 0; i < v.length && total > 0; i++) {
            v[i] /= total;
        }
    }
}
