package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_softmax_s8}: int8 softmax over each row, bit-exact with TFLite's reference int8 softmax.
 *
 * <p>Per row, with {@code max} the row maximum and {@code d = in - max} (so d &le; 0):
 * <ol>
 *   <li>entries with {@code d < diffMin} get probability 0 (output -128);</li>
 *   <li>the others are scaled to Q5.26, {@code s = doublingHighMult(d * 2^shift, mult)}, and exponentiated
 *       with {@link ArmNnFixedPoint#expOnNegativeValues} (Q0.31);</li>
 *   <li>their sum is accumulated in Q12.19 (12 accumulator bits), normalised by its leading zeros and
 *       inverted with {@link ArmNnFixedPoint#oneOverOnePlusXForXIn0To1};</li>
 *   <li>{@code out = clamp(round(exp(s) * (1/sum) * 256) - 128, -128, 127)}.</li>
 * </ol>
 * The output therefore has scale 1/256 and zero point -128. Rounding mode does not matter: this kernel never
 * calls {@code arm_nn_requantize}.
 */
public final class ArmSoftmaxS8 {

    private static final String KERNEL = "arm_softmax_s8";
    private static final int ACCUM_BITS = 12;

    private ArmSoftmaxS8() {
    }

    /**
     * Runs softmax on {@code numRows} rows. {@code input} and {@code output} may be the same array.
     *
     * @param input int8 {@code [numRows][rowSize]}
     * @param numRows number of rows, &ge; 0
     * @param rowSize entries per row, &ge; 1
     * @param mult Q31 multiplier of {@code beta * input_scale * 2^26} (TFLite {@code input_multiplier}); see
     *             {@link dev.hark.sim.quant.SoftmaxParams}
     * @param shift TFLite {@code input_left_shift}, in [0, 31]
     * @param diffMin most negative difference to the row maximum that still counts (&le; 0)
     * @param output int8 {@code [numRows][rowSize]}, written
     * @throws IllegalArgumentException if the arguments are out of range or the lengths do not match, or a
     *                                  row's sum of exponentials is so large (hundreds of entries at the row
     *                                  maximum) that the C code would shift by more than 31 bits
     */
    public static void run(byte[] input, int numRows, int rowSize, int mult, int shift, int diffMin, byte[] output) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        if (!(numRows >= 0 && rowSize >= 1)) {
            throw KernelChecks.failure(KERNEL, "num_rows " + numRows + " must be >= 0 and row_size " + rowSize
                    + " >= 1");
        }
        if (!(shift >= 0 && shift <= 31)) {
            throw KernelChecks.failure(KERNEL, "shift " + shift + " is outside [0, 31]");
        }
        KernelChecks.checkLength(KERNEL, "input", input.length, (long) numRows * rowSize, "num_rows * row_size");
        KernelChecks.checkLength(KERNEL, "output", output.length, (long) numRows * rowSize, "num_rows * row_size");

        int scale = 1 << shift; // C's (1 << shift); INT32_MIN for 31, as there
        for (int row = 0; row < numRows; row++) {
            int base = row * rowSize;
            int max = rowMaximum(input, base, rowSize);

            int sum = 0;
            for (int col = 0; col < rowSize; col++) {
                int diff = input[base + col] - max;
                if (diff >= diffMin) {
                    int exp = ArmNnFixedPoint.expOnNegativeValues(ArmNnFixedPoint.doublingHighMult(diff * scale, mult));
                    sum += sumTerm(exp);
                }
            }

            RowSum rowSum = RowSum.of(sum, row);
            for (int col = 0; col < rowSize; col++) {
                int diff = input[base + col] - max;
                output[base + col] = diff >= diffMin ? rowSum.probability(
                        ArmNnFixedPoint.expOnNegativeValues(ArmNnFixedPoint.doublingHighMult(diff * scale, mult)))
                        : Byte.MIN_VALUE;
            }
        }
    }

    /**
     * The largest of the {@code count} values of {@code values} from {@code from}: a row's maximum, from which every
     * entry's difference is taken.
     */
    public static int rowMaximum(byte[] values, int from, int count) {
        int max = values[from];
        for (int k = from + 1; k < from + count; k++) {
            max = Math.max(max, values[k]);
        }
        return max;
    }

    /** What an entry of Q0.31 exponential {@code exp} adds to its row's Q12.19 sum. */
    public static int sumTerm(int exp) {
        return ArmNnFixedPoint.divideByPowerOfTwo(exp, ACCUM_BITS);
    }

    /**
     * A row's sum of exponentials normalised to [1, 2) as 1 + x, x in Q0.31, and inverted: what turns an entry's
     * exponential into its int8 probability.
     *
     * @param shiftedScale 1 / (1 + x), Q0.31
     * @param bitsOverUnit the shift that brings {@code exp * shiftedScale} to the output's 1/256 steps
     */
    public record RowSum(int shiftedScale, int bitsOverUnit) {
        /**
         * @param sum the row's Q12.19 sum of {@link #sumTerm}s
         * @param row the row, for the message
         * @throws IllegalArgumentException if the sum is so large that the C code would shift by more than 31 bits
         */
        public static RowSum of(int sum, int row) {
            int headroom = Integer.numberOfLeadingZeros(sum);
            int shiftedScale = ArmNnFixedPoint.oneOverOnePlusXForXIn0To1(
                    (sum > 0 ? sum << headroom : 0) - Integer.MIN_VALUE);
            int bitsOverUnit = ACCUM_BITS - headroom + 23;
            if (bitsOverUnit > 31) {
                throw new IllegalArgumentException(KERNEL + ": row " + row + " sum of exponentials " + sum
                        + " needs a shift of " + bitsOverUnit + " bits, beyond what CMSIS-NN defines");
            }
            return new RowSum(shiftedScale, bitsOverUnit);
        }

        /** The int8 probability (scale 1/256, zero point -128) of an entry of Q0.31 exponential {@code exp}. */
        public byte probability(int exp) {
            int value = ArmNnFixedPoint.divideByPowerOfTwo(ArmNnFixedPoint.doublingHighMult(shiftedScale, exp),
                    bitsOverUnit) + Byte.MIN_VALUE;
            return (byte) Math.min(Math.max(value, Byte.MIN_VALUE), Byte.MAX_VALUE);
        }
    }
}
