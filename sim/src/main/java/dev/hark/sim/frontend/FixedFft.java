package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.FFT_SIZE;
import static dev.hark.sim.frontend.FrontendConfig.FFT_STAGES;
import static dev.hark.sim.frontend.FrontendConfig.TWIDDLE_FRAC_BITS;

/**
 * Stage 2: 512-point complex FFT, radix-2 decimation in time, int32 data, Q30 twiddles, int64 products.
 *
 * <p>Tables, k = 0..255: {@code cos[k] = roundHalfAwayFromZero(2^30 * cos(2 pi k / 512))} and
 * {@code sin[k] = roundHalfAwayFromZero(2^30 * sin(2 pi k / 512))}, with {@link StrictMath}.
 *
 * <p>Process: the input is first permuted into 9-bit bit-reversed order; then for stage s = 1..9 with
 * {@code len = 2^s}, {@code half = len / 2}, {@code stride = 512 / len}, for each block start
 * {@code b0 = 0, len, 2 len, ...} and {@code j = 0..half-1}, with {@code a = b0 + j}, {@code b = a + half},
 * {@code c = cos[j * stride]}, {@code s = sin[j * stride]}:
 * <pre>
 *   tr = (re[b] * c + im[b] * s + 2^29) >> 30      (int64 arithmetic, arithmetic shift)
 *   ti = (im[b] * c - re[b] * s + 2^29) >> 30
 *   re[b] = re[a] - tr;  im[b] = im[a] - ti;
 *   re[a] = re[a] + tr;  im[a] = im[a] + ti;
 * </pre>
 * i.e. the twiddle is {@code e^(-2 pi i j stride / 512)} and the result is the unscaled forward DFT
 * {@code X[k] = sum x[n] e^(-2 pi i k n / 512)} up to rounding. There is no scaling between stages: the
 * input bound (sum of |x| at most about 1.68e9 for windowed int16 frames) keeps every intermediate value in
 * int32; docs/frontend.md proves it.
 */
public final class FixedFft {
    private static final long TWIDDLE_ROUND = 1L << (TWIDDLE_FRAC_BITS - 1);

    private FixedFft() {
    }

    /** Builds the Q30 cosine table {@code cos[k]}, k = 0..255. */
    static int[] buildCosTable() {
        return buildTable(true);
    }

    /** Builds the Q30 sine table {@code sin[k]}, k = 0..255. */
    static int[] buildSinTable() {
        return buildTable(false);
    }

    private static int[] buildTable(boolean cosine) {
        int[] t = new int[FFT_SIZE / 2];
        double scale = 1 << TWIDDLE_FRAC_BITS;
        for (int k = 0; k < t.length; k++) {
            double angle = 2.0 * StrictMath.PI * k / FFT_SIZE;
            double v = cosine ? StrictMath.cos(angle) : StrictMath.sin(angle);
            t[k] = (int) FixedPoint.roundHalfAwayFromZero(scale * v);
        }
        return t;
    }

    /** The 9-bit bit reversal of {@code i} (0..511). */
    public static int bitReverse(int i) {
        return Integer.reverse(i) >>> (32 - FFT_STAGES);
    }

    /**
     * In-place forward FFT of 512 complex points.
     *
     * @param re    real parts, natural order in, natural order out (length >= 512, first 512 used)
     * @param im    imaginary parts, likewise
     * @param cosQ30 {@link FrontendTables#twiddleCosQ30()}
     * @param sinQ30 {@link FrontendTables#twiddleSinQ30()}
     */
    public static void forward(int[] re, int[] im, int[] cosQ30, int[] sinQ30) {
        for (int i = 0; i < FFT_SIZE; i++) {
            int r = bitReverse(i);
            if (r > i) {
                int t = re[i];
                re[i] = re[r];
                re[r] = t;
                t = im[i];
                im[i] = im[r];
                im[r] = t;
            }
        }
        for (int len = 2; len <= FFT_SIZE; len <<= 1) {
            int half = len >> 1;
            int stride = FFT_SIZE / len;
            for (int b0 = 0; b0 < FFT_SIZE; b0 += len) {
                for (int j = 0; j < half; j++) {
                    int a = b0 + j;
                    int b = a + half;
                    long c = cosQ30[j * stride];
                    long s = sinQ30[j * stride];
                    int tr = (int) ((re[b] * c + im[b] * s + TWIDDLE_ROUND) >> TWIDDLE_FRAC_BITS);
                    int ti = (int) ((im[b] * c - re[b] * s + TWIDDLE_ROUND) >> TWIDDLE_FRAC_BITS);
                    int ar = re[a];
                    int ai = im[a];
                    re[b] = ar - tr;
                    im[b] = ai - ti;
                    re[a] = ar + tr;
                    im[a] = ai + ti;
                }
            }
        }
    }
}
