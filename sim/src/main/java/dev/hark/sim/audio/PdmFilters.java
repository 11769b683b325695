package dev.hark.sim.audio;

import java.util.List;

/**
 * The integer constants of the PDM to 16 kHz PCM decimator ({@link PdmDecimator}, docs/pdm.md), computed once here
 * with {@link StrictMath} and strict double arithmetic, so they are identical on every JVM. The C decimator
 * (firmware-template/hark-audio) uses them as the generated {@code hark_pdm_tables.h/.c}, which a test checks
 * against this class: there is one definition.
 *
 * <p>The chain: a sinc^{@value #CIC_ORDER} (CIC) filter decimating by 8 R, split exactly into a byte lookup (sinc^N
 * over 8 bits: one table look-up per byte and per byte of its span) and integrators and combs decimating by R to
 * 32 kHz; a linear-phase FIR of {@value #FIR_TAPS} taps decimating by 2 that also undoes the sinc^N droop; a DC
 * blocker; a gain. Every accessor returns a fresh copy.
 */
public final class PdmFilters {
    /** Order N of the sinc^N (CIC) filter. */
    public static final int CIC_ORDER = 5;
    /** PDM bits per byte: the first stage makes one value per input byte. */
    public static final int BYTE_BITS = 8;
    /** Bytes the first stage's sinc^N over 8 bits spans: its length is N * 7 + 1 = 36 bits. */
    public static final int BYTE_SPAN = CIC_ORDER;
    /** The first stage's gain, 8^N: its output over a window of bytes lies in [-8^N, 8^N]. */
    public static final int BYTE_STAGE_GAIN = pow(BYTE_BITS, CIC_ORDER);
    /** Rate after the CIC, Hz: the FIR's input. */
    public static final int FIR_INPUT_RATE = 32_000;
    /** The smallest supported decimation: 8 PDM bytes per PCM sample, the most samples per byte. */
    public static final int MIN_DECIMATION = 64;
    /** The PCM rate, Hz. */
    public static final int OUTPUT_RATE = 16_000;
    /** The FIR's decimation. */
    public static final int FIR_DECIMATION = 2;
    /** Half the FIR's length less the centre tap: the taps are h[0..2H], symmetric about h[H]. */
    public static final int FIR_HALF = 35;
    /** The FIR's length, odd (type I linear phase, 35 samples of 32 kHz delay). */
    public static final int FIR_TAPS = 2 * FIR_HALF + 1;
    /** Fraction bits of the FIR taps: their sum is exactly 2^15 (unity DC gain). */
    public static final int FIR_FRACTION_BITS = 15;
    /** Shift of the DC blocker's pole: y[n] = y[n-1] - (y[n-1] >> 8) + x[n] - x[n-1], a = 1 - 2^-8. */
    public static final int DC_BLOCK_SHIFT = 8;
    /** Fraction bits of the output gain: 256 is 0 dB (a full-scale PDM stream gives full-scale PCM). */
    public static final int GAIN_FRACTION_BITS = 8;
    /** Largest gain, 256 times (48 dB). */
    public static final int MAX_GAIN_Q8 = 1 << 16;
    /**
     * Fraction bits of the FIR's input: the CIC's output is scaled to full scale 2^14, not 2^15, because the taps'
     * absolute values sum to more than 2^16 (the droop compensation rings): 2^14 times that sum stays below 2^31,
     * so the FIR sums in int32 whatever the input.
     */
    public static final int FIR_INPUT_FRACTION_BITS = 14;
    /**
     * Shift from the FIR's sum (full scale 2^29) to the DC blocker's scale (full scale 2^24): five bits less keep
     * the blocker's state and the gain product far from overflow, and 2^24 is still 2^9 times finer than the int16
     * output.
     */
    public static final int FIR_TO_DC_SHIFT = 5;
    /** Shift from the DC blocker's scale (2^24) to int16 full scale (2^15). */
    public static final int DC_TO_OUTPUT_SHIFT = 9;

    /** Passband edge, Hz: the FIR makes the chain flat up to here. */
    public static final double PASSBAND_HZ = 7_000;
    /** Stopband edge, Hz, at 32 kHz: everything above aliases onto 7 kHz and below after the decimation by 2. */
    public static final double STOPBAND_HZ = 9_000;
    /** Least-squares weight of the stopband against the passband. */
    static final double STOPBAND_WEIGHT = 300;
    /** Spacing of the least-squares frequency grid, Hz. */
    static final double GRID_HZ = 20;
    /** The decimation the FIR's droop compensation is designed for (the others differ by under 0.001 dB). */
    static final int DESIGN_DECIMATION = 64;

    /**
     * One supported PDM clock: {@code decimation} = PDM rate / 16 kHz = 8 * {@code cicDecimation} * 2. The CIC's
     * output, at most (8 R)^N in magnitude, becomes Q14 (full scale 2^14) as the high word of a 64-bit product,
     * rounded: {@code (value * multiplier + 2^31) >> 32}, multiplier = round(2^46 / (8 R)^N) (at least 2^16, so the
     * scale is right to 2^-16; the product stays below 2^47).
     */
    public record Decimation(int decimation, int cicDecimation, int multiplier) {
        /** PDM clock, Hz. */
        public int pdmRate() {
            return decimation * OUTPUT_RATE;
        }

        /** Full scale of the CIC's output: (8 R)^N, what an all-ones stream gives. */
        public long cicFullScale() {
            return powLong((long) BYTE_BITS * cicDecimation, CIC_ORDER);
        }
    }

    private static final List<Decimation> DECIMATIONS = List.of(decimation(4), decimation(5), decimation(8));
    private static final int[][][] BYTE_SUMS = buildByteSums();
    private static final short[] FIR_Q15 = buildFir();

    private PdmFilters() {
    }

    /** The supported clocks: 1.024 MHz (64), 1.28 MHz (80) and 2.048 MHz (128). */
    public static List<Decimation> decimations() {
        return DECIMATIONS;
    }

    /**
     * @throws IllegalArgumentException naming the supported ones if {@code decimation} is not supported
     */
    public static Decimation decimation(int decimation, String what) {
        for (Decimation d : DECIMATIONS) {
            if (d.decimation() == decimation) {
                return d;
            }
        }
        throw new IllegalArgumentException(what + " must be one of 64, 80, 128 (PDM clock 1.024, 1.28, 2.048 MHz), got "
                + decimation);
    }

    /**
     * The first stage's look-up tables, [2][N][256]: entry {@code [0][t][b]} is the sum of the sinc^N-over-8-bits
     * coefficients h1[8 t + 7 - i] over the bits i of byte b (i = 0 the most significant, the earliest), each taken
     * with sign + for a 1 bit and - for a 0 bit, h1[k] = 0 for k >= N * 7 + 1; byte t = 0 is the newest. The N
     * entries of a window sum to the first stage's output, -8^N (all zeros) to 8^N (all ones), 0 for alternating bits.
     * {@code [1][t][b]} is {@code [0][t][b]} with b's bits reversed, for least-significant-bit-first input. Values
     * within +-2^15, C type int16_t.
     */
    public static int[][][] byteSums() {
        int[][][] copy = new int[BYTE_SUMS.length][BYTE_SPAN][];
        for (int order = 0; order < copy.length; order++) {
            for (int t = 0; t < BYTE_SPAN; t++) {
                copy[order][t] = BYTE_SUMS[order][t].clone();
            }
        }
        return copy;
    }

    /** The FIR's {@value #FIR_TAPS} taps, Q15, symmetric, summing to exactly 2^15 (C type int16_t). */
    public static short[] firQ15() {
        return FIR_Q15.clone();
    }

    static int[][][] byteSumsShared() {
        return BYTE_SUMS;
    }

    static short[] firShared() {
        return FIR_Q15;
    }

    /** Coefficients of (1 + z^-1 + ... + z^-(length-1))^order. */
    static long[] boxcarPower(int length, int order) {
        long[] h = {1};
        for (int o = 0; o < order; o++) {
            long[] next = new long[h.length + length - 1];
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < length; j++) {
                    next[i + j] += h[i];
                }
            }
            h = next;
        }
        return h;
    }

    private static int[][][] buildByteSums() {
        long[] h1 = boxcarPower(BYTE_BITS, CIC_ORDER);
        int[][][] sums = new int[2][BYTE_SPAN][256];
        for (int t = 0; t < BYTE_SPAN; t++) {
            for (int b = 0; b < 256; b++) {
                long sum = 0;
                for (int i = 0; i < BYTE_BITS; i++) {
                    int lag = BYTE_BITS * t + BYTE_BITS - 1 - i;
                    if (lag < h1.length) {
                        sum += (b >> (BYTE_BITS - 1 - i) & 1) == 1 ? h1[lag] : -h1[lag];
                    }
                }
                sums[0][t][b] = (int) sum;
            }
            for (int b = 0; b < 256; b++) {
                sums[1][t][b] = sums[0][t][PdmDecimator.reverseBits(b)];
            }
        }
        return sums;
    }

    private static Decimation decimation(int cicDecimation) {
        int decimation = BYTE_BITS * cicDecimation * FIR_DECIMATION;
        long fullScale = powLong((long) BYTE_BITS * cicDecimation, CIC_ORDER);
        int multiplier = (int) Math.round(StrictMath.scalb(1.0, FIR_INPUT_FRACTION_BITS + Integer.SIZE) / fullScale);
        return new Decimation(decimation, cicDecimation, multiplier);
    }

    /** Magnitude of the whole sinc^N (decimating by {@code totalDecimation}) at {@code hz}, DC gain 1. */
    static double cicGain(double hz, int pdmRate, int totalCicDecimation) {
        if (hz == 0) {
            return 1;
        }
        double x = StrictMath.PI * hz / pdmRate;
        double ratio = StrictMath.sin(x * totalCicDecimation) / (totalCicDecimation * StrictMath.sin(x));
        return StrictMath.pow(StrictMath.abs(ratio), CIC_ORDER);
    }

    /** Magnitude of the FIR at {@code hz} (its input rate 32 kHz), from its integer taps. */
    static double firGain(short[] taps, double hz) {
        double sum = taps[FIR_HALF];
        for (int k = 1; k <= FIR_HALF; k++) {
            sum += 2.0 * taps[FIR_HALF + k] * StrictMath.cos(2 * StrictMath.PI * hz * k / FIR_INPUT_RATE);
        }
        return StrictMath.abs(sum) / (1 << FIR_FRACTION_BITS);
    }

    /**
     * Weighted least-squares design of the symmetric FIR: minimises the squared error, over a grid of the passband
     * [0, 7 kHz] and the stopband [9, 16 kHz], between its response and 1 / (sinc^N droop) in the passband and 0 in
     * the stopband (weighted {@value #STOPBAND_WEIGHT}). Then the taps are rounded to Q15 and the centre tap takes
     * up the rounding, so that they sum to exactly 2^15.
     */
    private static short[] buildFir() {
        int unknowns = FIR_HALF + 1;
        double[][] normal = new double[unknowns][unknowns];
        double[] rhs = new double[unknowns];
        int pdmRate = DESIGN_DECIMATION * OUTPUT_RATE;
        int cicTotal = DESIGN_DECIMATION / FIR_DECIMATION;
        double[] basis = new double[unknowns];
        for (double hz = 0; hz <= FIR_INPUT_RATE / 2.0; hz += GRID_HZ) {
            double desired;
            double weight;
            if (hz <= PASSBAND_HZ) {
                desired = 1 / cicGain(hz, pdmRate, cicTotal);
                weight = 1;
            } else if (hz >= STOPBAND_HZ) {
                desired = 0;
                weight = STOPBAND_WEIGHT;
            } else {
                continue;
            }
            basis[0] = 1;
            for (int k = 1; k < unknowns; k++) {
                basis[k] = 2 * StrictMath.cos(2 * StrictMath.PI * hz * k / FIR_INPUT_RATE);
            }
            for (int i = 0; i < unknowns; i++) {
                rhs[i] += weight * basis[i] * desired;
                for (int j = 0; j < unknowns; j++) {
                    normal[i][j] += weight * basis[i] * basis[j];
                }
            }
        }
        double[] a = solve(normal, rhs);
        short[] taps = new short[FIR_TAPS];
        int sum = 0;
        for (int k = 1; k <= FIR_HALF; k++) {
            short q = (short) Math.round(StrictMath.scalb(a[k], FIR_FRACTION_BITS));
            taps[FIR_HALF + k] = q;
            taps[FIR_HALF - k] = q;
            sum += 2 * q;
        }
        taps[FIR_HALF] = (short) ((1 << FIR_FRACTION_BITS) - sum);
        return taps;
    }

    /**
     * The designed gain of the whole chain (sinc^5, FIR from its integer taps, DC blocker; gain 0 dB) for a tone of
     * {@code hz} at the PDM input: a tone above 8 kHz comes out at its alias 16 kHz - hz (from 16 to 24 kHz at
     * 32 kHz - hz, and so on), attenuated by what this returns. The integer rounding of the signal is left out.
     */
    public static double chainGain(Decimation decimation, double hz) {
        double atFir = hz % FIR_INPUT_RATE;
        double atOutput = atFir % OUTPUT_RATE;
        if (atOutput > OUTPUT_RATE / 2.0) {
            atOutput = OUTPUT_RATE - atOutput;
        }
        return cicGain(hz, decimation.pdmRate(), decimation.decimation() / FIR_DECIMATION)
                * firGain(FIR_Q15, atFir) * dcBlockerGain(atOutput);
    }

    /** Magnitude of y[n] = x[n] - x[n-1] + (1 - 2^-8) y[n-1] at {@code hz} (16 kHz rate). */
    static double dcBlockerGain(double hz) {
        double w = 2 * StrictMath.PI * hz / OUTPUT_RATE;
        double a = 1 - StrictMath.scalb(1.0, -DC_BLOCK_SHIFT);
        double numerator = 2 * StrictMath.abs(StrictMath.sin(w / 2));
        double re = 1 - a * StrictMath.cos(w);
        double im = a * StrictMath.sin(w);
        return numerator / StrictMath.sqrt(re * re + im * im);
    }

    /** Gaussian elimination with partial pivoting; the system is small and well conditioned. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = matrix[i].clone();
        }
        double[] v = vector.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (StrictMath.abs(m[row][col]) > StrictMath.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double t = v[col];
            v[col] = v[pivot];
            v[pivot] = t;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k < n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
                v[row] -= factor * v[col];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double s = v[row];
            for (int k = row + 1; k < n; k++) {
                s -= m[row][k] * x[k];
            }
            x[row] = s / m[row][row];
        }
        return x;
    }

    private static int pow(int base, int exponent) {
        return (int) powLong(base, exponent);
    }

    private static long powLong(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
