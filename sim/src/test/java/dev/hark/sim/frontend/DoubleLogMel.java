package dev.hark.sim.frontend;

/**
 * Test-only double-precision log-mel with the same framing, units and formulas as the integer pipeline but
 * exact window, exact twiddles, unquantized mel weights and no intermediate rounding. It is the yardstick
 * for the integer pipeline's tolerance.
 */
final class DoubleLogMel {
    /** Unquantized triangle weights [mel][bin]. */
    private static final double[][] WEIGHTS = new double[40][257];

    static {
        double[] edges = MelFilterbank.buildEdgesHz();
        for (int m = 0; m < 40; m++) {
            for (int k = 0; k < 257; k++) {
                WEIGHTS[m][k] = MelFilterbank.triangle(edges, m, k);
            }
        }
    }

    private DoubleLogMel() {
    }

    private static final double[] COS = new double[256];
    private static final double[] SIN = new double[256];

    static {
        for (int k = 0; k < 256; k++) {
            COS[k] = Math.cos(2 * Math.PI * k / 512);
            SIN[k] = Math.sin(2 * Math.PI * k / 512);
        }
    }

    /** Unscaled forward DFT of 512 points, in place, with Math.cos/sin twiddles. */
    static void fft(double[] re, double[] im) {
        int n = 512;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                swap(re, i, j);
                swap(im, i, j);
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            for (int start = 0; start < n; start += len) {
                for (int j = 0; j < len / 2; j++) {
                    // e^(-2 pi i j / len) = cos - i sin of the angle 2 pi (j * 512 / len) / 512
                    double c = COS[j * (512 / len)];
                    double s = -SIN[j * (512 / len)];
                    int a = start + j;
                    int b = a + len / 2;
                    double tr = re[b] * c - im[b] * s;
                    double ti = re[b] * s + im[b] * c;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }

    /** The exact periodic Hann window. */
    static double[] exactWindow() {
        double[] w = new double[400];
        for (int n = 0; n < 400; n++) {
            w[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / 400);
        }
        return w;
    }

    /** The shipped Q15 window table as reals, to isolate arithmetic errors from the window's quantization. */
    static double[] q15Window() {
        short[] q = FrontendTables.hannWindowQ15();
        double[] w = new double[400];
        for (int n = 0; n < 400; n++) {
            w[n] = q[n] / 32768.0;
        }
        return w;
    }

    /** Mel energy in the integer pipeline's units (Q15, (int16 LSB)^2) of frame samples[offset..+400). */
    static double[] melEnergyQ15(short[] samples, int offset, double[] window) {
        double[] re = new double[512];
        double[] im = new double[512];
        for (int n = 0; n < 400; n++) {
            re[n] = samples[offset + n] * window[n];
        }
        fft(re, im);
        double[] e = new double[40];
        for (int m = 0; m < 40; m++) {
            double sum = 0;
            for (int k = 0; k < 257; k++) {
                double w = WEIGHTS[m][k];
                if (w > 0) {
                    sum += w * (re[k] * re[k] + im[k] * im[k]);
                }
            }
            e[m] = 32768 * sum;
        }
        return e;
    }

    /** {@code log2(E + 1)} per mel bin with the exact window, in log2 units (not Q16). */
    static double[] log2Energy(short[] samples, int offset) {
        return log2Energy(samples, offset, exactWindow());
    }

    /** {@code log2(E + 1)} per mel bin with the given window, in log2 units (not Q16). */
    static double[] log2Energy(short[] samples, int offset, double[] window) {
        double[] e = melEnergyQ15(samples, offset, window);
        double[] l = new double[40];
        for (int m = 0; m < 40; m++) {
            l[m] = Math.log(e[m] + 1) / Math.log(2);
        }
        return l;
    }

    /** The quantizer's formula in double: round half up, clamp, minus 128. */
    static int quantize(double log2) {
        double lo = FrontendConfig.LOG_MIN_Q16 / 65536.0;
        double hi = FrontendConfig.LOG_MAX_Q16 / 65536.0;
        double c = Math.max(lo, Math.min(hi, log2));
        return (int) Math.floor((c - lo) * 255 / (hi - lo) + 0.5) - 128;
    }
}
