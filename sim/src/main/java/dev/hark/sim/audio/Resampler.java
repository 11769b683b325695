package dev.hark.sim.audio;

/**
 * Band-limited sample-rate conversion between any two integer rates (e.g. TTS output at 22050, 32000 or
 * 8000 Hz to the project's 16000 Hz).
 *
 * <p>Method: windowed-sinc interpolation. Output sample {@code n} sits at input time {@code n * from / to};
 * it is the sum of nearby input samples weighted by a sinc low-pass whose cutoff is {@value #ROLLOFF} of the
 * lower of the two Nyquist frequencies (so downsampling does not alias), tapered by a Kaiser window
 * (beta {@value #KAISER_BETA}, about 80 dB stop-band attenuation) over {@value #ZERO_CROSSINGS} zero crossings
 * on each side. When the reduced ratio has at most {@value #MAX_TABLE_PHASES} phases, the kernel is tabulated
 * per phase (exact, fast); each phase is normalized to unity DC gain. Samples outside the input count as zero.
 * The output has {@code ceil(length * to / from)} samples and the same time origin as the input.
 */
public final class Resampler {
    static final double ROLLOFF = 0.94;
    static final double KAISER_BETA = 8.0;
    static final int ZERO_CROSSINGS = 16;
    static final int MAX_TABLE_PHASES = 2048;

    private final int up;        // L: output rate / gcd
    private final int down;      // M: input rate / gcd
    private final int halfWidth; // H: kernel half-width in input samples
    private final double cutoff; // fc: cutoff as a fraction of the input Nyquist frequency
    private final double[][] table; // [phase][tap], or null when computed on the fly

    /**
     * @throws IllegalArgumentException if a rate is not positive
     */
    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " -> " + toRate);
        }
        int g = gcd(fromRate, toRate);
        this.up = toRate / g;
        this.down = fromRate / g;
        this.cutoff = ROLLOFF * Math.min(1.0, (double) up / down);
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.table = up <= MAX_TABLE_PHASES ? buildTable() : null;
    }

    /** Resamples 16-bit audio, rounding and saturating the result. */
    public static short[] resample(short[] in, int fromRate, int toRate) {
        float[] f = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            f[i] = in[i];
        }
        float[] r = new Resampler(fromRate, toRate).apply(f);
        short[] out = new short[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(r[i])));
        }
        return out;
    }

    /** Resamples float audio (any scale). Equal rates return a copy. */
    public static float[] resample(float[] in, int fromRate, int toRate) {
        return new Resampler(fromRate, toRate).apply(in);
    }

    /** Converts one signal; the instance holds no per-signal state and may be reused and shared. */
    public float[] apply(float[] in) {
        if (up == down) {
            return in.clone();
        }
        int outLength = (int) ((in.length * (long) up + down - 1) / down);
        float[] out = new float[outLength];
        double[] scratch = table == null ? new double[2 * halfWidth] : null;
        for (int n = 0; n < outLength; n++) {
            long t = (long) n * down;          // input time n*M/L, kept as an exact fraction
            int base = (int) (t / up);
            int phase = (int) (t % up);
            double[] kernel = table != null ? table[phase] : fillKernel(phase, scratch);
            int first = base - halfWidth + 1;  // taps cover inputs base-H+1 .. base+H
            double acc = 0;
            int jStart = Math.max(0, -first);
            int jEnd = Math.min(kernel.length, in.length - first);
            for (int j = jStart; j < jEnd; j++) {
                acc += kernel[j] * in[first + j];
            }
            out[n] = (float) acc;
        }
        return out;
    }

    private double[][] buildTable() {
        double[][] t = new double[up][];
        for (int p = 0; p < up; p++) {
            t[p] = fillKernel(p, new double[2 * halfWidth]);
        }
        return t;
    }

    /** Kernel taps for inputs base-H+1 .. base+H when the output lies {@code phase/up} past input {@code base}. */
    private double[] fillKernel(int phase, double[] k) {
        double frac = (double) phase / up;
        double sum = 0;
        for (int j = 0; j < k.length; j++) {
            double tau = (j - halfWidth + 1) - frac; // distance from the output instant, in input samples
            double w = kaiser(tau / halfWidth);
            k[j] = w * cutoff * sinc(cutoff * tau);
            sum += k[j];
        }
        for (int j = 0; j < k.length; j++) {
            k[j] /= sum; // unity DC gain in every phase, so no phase-dependent level ripple
        }
        return k;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-12) {
            return 1.0;
        }
        double px = Math.PI * x;
        return StrictMath.sin(px) / px; // StrictMath: identical kernels, so identical output, on every JVM
    }

    private static double kaiser(double x) {
        if (Math.abs(x) >= 1.0) {
            return 0.0;
        }
        return besselI0(KAISER_BETA * Math.sqrt(1.0 - x * x)) / besselI0(KAISER_BETA);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for x < 30). */
    private static double besselI0(double x) {
        double sum = 1.0;
        double term = 1.0;
        double q = x * x / 4.0;
        for (int k = 1; k < 64; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-16) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
