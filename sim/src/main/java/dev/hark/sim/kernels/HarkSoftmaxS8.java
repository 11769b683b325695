package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code hark_softmax_s8}: {@link ArmSoftmaxS8}'s integers with each entry's exponential read from a table of the
 * 256 differences an int8 entry can have to its row's int8 maximum ({@link #expTable}, which the code generator
 * writes into flash and {@code hark_softmax_s8_exp_table} computes in C). An entry below {@code diffMin} has 0 in
 * the table: it adds nothing to the sum, and its output, 0 scaled, is -128, what {@code arm_softmax_s8} writes for
 * it. The sum, its reciprocal and the outputs are the reference's own steps ({@link ArmSoftmaxS8.RowSum}).
 */
public final class HarkSoftmaxS8 {
    private static final String KERNEL = "hark_softmax_s8";
    /** Entries of a table: the differences 0 down to -255. */
    public static final int TABLE_SIZE = 256;

    private HarkSoftmaxS8() {
    }

    /**
     * Entry {@code k} is {@code expOnNegativeValues(doublingHighMult(-k * 2^shift, mult))} (Q0.31) for
     * {@code -k >= diffMin}, else 0: {@code arm_softmax_s8}'s exponential of the difference {@code -k}.
     *
     * @throws IllegalArgumentException for a shift outside [0, 31], as {@link ArmSoftmaxS8#run} refuses it
     */
    public static int[] expTable(int mult, int shift, int diffMin) {
        if (shift < 0 || shift > 31) {
            throw new IllegalArgumentException(KERNEL + ": shift " + shift + " is outside [0, 31]");
        }
        int[] table = new int[TABLE_SIZE];
        int scale = 1 << shift; // C's (1 << shift); INT32_MIN for 31, as there
        for (int k = 0; k < TABLE_SIZE; k++) {
            int d = -k;
            if (d >= diffMin) {
                table[k] = ArmNnFixedPoint.expOnNegativeValues(ArmNnFixedPoint.doublingHighMult(d * scale, mult));
            }
        }
        return table;
    }

    /**
     * Runs the softmax on {@code rows} rows of {@code rowSize}; {@code input} and {@code output} may be the same
     * array.
     *
     * @throws IllegalArgumentException if the sizes do not match, or a row's sum needs a shift beyond 31 bits (as
     *                                  {@link ArmSoftmaxS8#run})
     */
    public static void run(byte[] input, int rows, int rowSize, int[] expTable, byte[] output) {
        Objects.requireNonNull(expTable, "expTable");
        if (rows < 0 || rowSize < 1 || expTable.length != TABLE_SIZE || input.length != rows * rowSize
                || output.length != rows * rowSize) {
            throw new IllegalArgumentException(KERNEL + ": " + rows + " rows of " + rowSize + ", arrays of "
                    + input.length + " and " + output.length + " values, a table of " + expTable.length);
        }
        for (int row = 0; row < rows; row++) {
            int base = row * rowSize;
            int max = ArmSoftmaxS8.rowMaximum(input, base, rowSize);
            int sum = 0;
            for (int col = 0; col < rowSize; col++) {
                sum += ArmSoftmaxS8.sumTerm(expTable[max - input[base + col]]);
            }
            ArmSoftmaxS8.RowSum rowSum = ArmSoftmaxS8.RowSum.of(sum, row);
            for (int col = 0; col < rowSize; col++) {
                output[base + col] = rowSum.probability(expTable[max - input[base + col]]);
            }
        }
    }
}
