package dev.hark.sim.fast;

import dev.hark.sim.kernels.ArmSoftmaxS8;
import dev.hark.sim.kernels.HarkSoftmaxS8;

/**
 * {@link ArmSoftmaxS8}'s integers with each entry's exponential read from a table made once: a row's entries and its
 * maximum are int8, so the difference {@code d = in - max} takes one of 256 values, and the reference's
 * {@code expOnNegativeValues(doublingHighMult(d * 2^shift, mult))} is a function of {@code d} alone (computed twice an
 * entry there, once a program here). The sum, its reciprocal and the outputs are the reference's own steps.
 */
public final class FastSoftmax {
    private static final String KERNEL = "arm_softmax_s8";
    /** How many differences an int8 entry can have to its row's int8 maximum: 0 down to -255. */
    private static final int DIFFERENCES = 256;

    private final int rows;
    private final int rowSize;
    private final int diffMin;
    /** {@code exp[-d]}, the Q0.31 exponential of the difference {@code d} ({@link HarkSoftmaxS8#expTable}). */
    private final int[] exp;
    /** {@code sumTerm[-d]}, what the entry adds to its row's Q12.19 sum. */
    private final int[] sumTerm = new int[DIFFERENCES];

    /**
     * @throws IllegalArgumentException if the arguments are out of range, as {@link ArmSoftmaxS8#run} checks them
     */
    public FastSoftmax(int rows, int rowSize, int mult, int shift, int diffMin) {
        if (rows < 0 || rowSize < 1) {
            throw new IllegalArgumentException(KERNEL + ": num_rows " + rows + " must be >= 0 and row_size " + rowSize
                    + " >= 1");
        }
        if (shift < 0 || shift > 31) {
            throw new IllegalArgumentException(KERNEL + ": shift " + shift + " is outside [0, 31]");
        }
        this.rows = rows;
        this.rowSize = rowSize;
        this.diffMin = diffMin;
        exp = HarkSoftmaxS8.expTable(mult, shift, diffMin);
        for (int d = 0; d > -DIFFERENCES; d--) {
            if (d >= diffMin) {
                sumTerm[-d] = ArmSoftmaxS8.sumTerm(exp[-d]);
            }
        }
    }

    /** {@code input} and {@code output} may be the same array. */
    public void run(byte[] input, byte[] output) {
        if (input.length != rows * rowSize || output.length != rows * rowSize) {
            throw new IllegalArgumentException(KERNEL + ": arrays of " + input.length + " and " + output.length
                    + " values for " + rows + " rows of " + rowSize);
        }
        for (int row = 0; row < rows; row++) {
            int base = row * rowSize;
            int max = ArmSoftmaxS8.rowMaximum(input, base, rowSize);
            int sum = 0;
            for (int col = 0; col < rowSize; col++) {
                int diff = input[base + col] - max;
                if (diff >= diffMin) {
                    sum += sumTerm[-diff];
                }
            }
            ArmSoftmaxS8.RowSum rowSum = ArmSoftmaxS8.RowSum.of(sum, row);
            for (int col = 0; col < rowSize; col++) {
                int diff = input[base + col] - max;
                output[base + col] = diff >= diffMin ? rowSum.probability(exp[-diff]) : Byte.MIN_VALUE;
            }
        }
    }
}
