package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.FFT_SIZE;
import static dev.hark.sim.frontend.FrontendConfig.MEL_BINS;
import static dev.hark.sim.frontend.FrontendConfig.MEL_HIGH_HZ;
import static dev.hark.sim.frontend.FrontendConfig.MEL_LOW_HZ;
import static dev.hark.sim.frontend.FrontendConfig.MEL_WEIGHT_FRAC_BITS;
import static dev.hark.sim.frontend.FrontendConfig.SAMPLE_RATE_HZ;
import static dev.hark.sim.frontend.FrontendConfig.SPECTRUM_BINS;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 4: 40 triangular filters on the HTK mel scale, weights in Q15, sums in int64.
 *
 * <p>Table: {@code mel(f) = 2595 log10(1 + f / 700)}; 42 edges equally spaced in mel from
 * {@code mel(20)} to {@code mel(7600)}: {@code edge[i] = hz(mel(20) + i (mel(7600) - mel(20)) / 41)},
 * {@code hz(m) = 700 (10^(m / 2595) - 1)}. Filter m rises linearly in Hz from {@code edge[m]} to a peak of 1 at
 * {@code edge[m+1]} and falls to 0 at {@code edge[m+2]}. Bin k sits at {@code k * 16000 / 512} Hz; its Q15
 * weight is {@code min(32767, roundHalfAwayFromZero(32768 w))}. The table is stored sparsely: filter m covers
 * bins {@code firstBin[m] .. firstBin[m] + binCount[m] - 1}, whose weights are
 * {@code weights[weightOffset[m] ..]}, with leading and trailing zero weights trimmed.
 *
 * <p>Process: {@code E[m] = sum_i weights[weightOffset[m] + i] * P[firstBin[m] + i]} exactly in int64 (no
 * shift), i.e. the mel energy in Q15. It stays below 2^62 for every int16 input.
 */
public final class MelFilterbank {
    private final int[] firstBin;
    private final int[] binCount;
    private final int[] weightOffset;
    private final short[] weights;
    private final double[] edgesHz;

    private MelFilterbank(int[] firstBin, int[] binCount, int[] weightOffset, short[] weights, double[] edgesHz) {
        this.firstBin = firstBin;
        this.binCount = binCount;
        this.weightOffset = weightOffset;
        this.weights = weights;
        this.edgesHz = edgesHz;
    }

    /** HTK mel scale: {@code 2595 log10(1 + hz / 700)}, with StrictMath. */
    public static double hzToMel(double hz) {
        return 2595.0 * StrictMath.log10(1.0 + hz / 700.0);
    }

    /** Inverse of {@link #hzToMel}: {@code 700 (10^(mel / 2595) - 1)}, with StrictMath. */
    public static double melToHz(double mel) {
        return 700.0 * (StrictMath.pow(10.0, mel / 2595.0) - 1.0);
    }

    /** Frequency of FFT bin k in Hz: {@code k * 16000 / 512} (exact in double). */
    public static double binHz(int k) {
        return (double) k * SAMPLE_RATE_HZ / FFT_SIZE;
    }

    /** The 42 filter edges in Hz; filter m spans edges m..m+2 and peaks at edge m+1. */
    static double[] buildEdgesHz() {
        double lowMel = hzToMel(MEL_LOW_HZ);
        double highMel = hzToMel(MEL_HIGH_HZ);
        double[] edges = new double[MEL_BINS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(lowMel + i * (highMel - lowMel) / (MEL_BINS + 1));
        }
        return edges;
    }

    /** The real-valued (unquantized) weight of bin k in filter m, given the edges. */
    static double triangle(double[] edgesHz, int m, int k) {
        double left = edgesHz[m];
        double center = edgesHz[m + 1];
        double right = edgesHz[m + 2];
        double f = binHz(k);
        if (f > left && f < center) {
            return (f - left) / (center - left);
        }
        if (f >= center && f < right) {
            return (right - f) / (right - center);
        }
        return 0.0;
    }

    /** Builds the Q15 filterbank from the formulas in the class comment. */
    static MelFilterbank buildHtk() {
        double[] edges = buildEdgesHz();
        int[] first = new int[MEL_BINS];
        int[] count = new int[MEL_BINS];
        int[] offset = new int[MEL_BINS];
        List<Short> all = new ArrayList<>();
        double scale = 1 << MEL_WEIGHT_FRAC_BITS;
        for (int m = 0; m < MEL_BINS; m++) {
            short[] q = new short[SPECTRUM_BINS];
            int lo = -1;
            int hi = -1;
            for (int k = 0; k < SPECTRUM_BINS; k++) {
                q[k] = (short) Math.min(32767, FixedPoint.roundHalfAwayFromZero(scale * triangle(edges, m, k)));
                if (q[k] != 0) {
                    hi = k;
                    if (lo < 0) {
                        lo = k;
                    }
                }
            }
            if (lo < 0) {
                // Cannot happen with the shipped constants; guards against an edit that makes a filter empty.
                throw new IllegalStateException("mel filter " + m + " covers no FFT bin; widen the mel range");
            }
            first[m] = lo;
            count[m] = hi - lo + 1;
            offset[m] = all.size();
            for (int k = lo; k <= hi; k++) {
                all.add(q[k]);
            }
        }
        short[] w = new short[all.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = all.get(i);
        }
        return new MelFilterbank(first, count, offset, w, edges);
    }

    /**
     * @param power  {@code P[0..257)} from {@link PowerSpectrum}
     * @param energy receives the 40 Q15 mel energies {@code E[0..40)}, each in [0, 2^62)
     */
    public void apply(long[] power, long[] energy) {
        for (int m = 0; m < MEL_BINS; m++) {
            long acc = 0;
            int base = firstBin[m];
            int w0 = weightOffset[m];
            for (int i = 0; i < binCount[m]; i++) {
                acc += weights[w0 + i] * power[base + i];
            }
            energy[m] = acc;
        }
    }

    /** First FFT bin of each filter (40 entries). Returns a copy. */
    public int[] firstBin() {
        return firstBin.clone();
    }

    /** Number of stored bins of each filter (40 entries). Returns a copy. */
    public int[] binCount() {
        return binCount.clone();
    }

    /** Index into {@link #weightsQ15()} of each filter's first weight (40 entries). Returns a copy. */
    public int[] weightOffset() {
        return weightOffset.clone();
    }

    /** All filters' Q15 weights (0..32767) concatenated in filter order. Returns a copy. */
    public short[] weightsQ15() {
        return weights.clone();
    }

    /** The 42 filter edges in Hz (informational; the integer pipeline uses only the Q15 weights). */
    public double[] edgesHz() {
        return edgesHz.clone();
    }

    /** Center (peak) frequency of filter m in Hz. */
    public double centerHz(int m) {
        return edgesHz[m + 1];
    }
}
