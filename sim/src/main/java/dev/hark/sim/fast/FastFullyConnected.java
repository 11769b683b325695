package dev.hark.sim.fast;

import dev.hark.sim.kernels.ArmNnRequantize;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.FullyConnected;
import java.util.Objects;

/**
 * {@code arm_fully_connected_s8} as {@link dev.hark.sim.glue.FcCall#fullyConnected} calls it (filter offset 0,
 * per-tensor requantization), with the constant weights widened once:
 * {@code out[b][o] = clamp(requantize(bias[o] + sum_k (in[b][k] + inputOffset) * w[o][k]) + outputOffset)}.
 * A call whose filter is a tensor (the attention's weighted sum) reads it as int8 on every run.
 */
public final class FastFullyConnected {
    private final Rounding rounding;
    private final FullyConnected fc;
    /** {@code [outputSize][inputSize]}, or {@code null} when the filter comes with each run. */
    private final RowPairs weights;
    private final int[] bias;

    public FastFullyConnected(Rounding rounding, FullyConnected fc) {
        this.rounding = Objects.requireNonNull(rounding, "rounding");
        this.fc = fc;
        this.weights = fc.weights() == null ? null : new RowPairs(Widened.widen(fc.weights()), fc.outputSize(),
                fc.inputSize(), RowPairs.maxAbsWidened(fc.inputOffset()));
        this.bias = fc.bias().clone();
    }

    /** The {@code int} scratch a run needs: a widened row and its sums. */
    public int scratchInts() {
        return fc.inputSize() + fc.outputSize();
    }

    /** A run with the constant weights. */
    public void run(int batches, byte[] input, byte[] output, int[] scratch) {
        if (weights == null) {
            throw new IllegalStateException("this fully-connected call takes its filter at run time");
        }
        runRows(batches, input, null, output, scratch);
    }

    /** A run with a filter {@code [outputSize][inputSize]} supplied now. */
    public void run(int batches, byte[] input, byte[] filter, byte[] output, int[] scratch) {
        int size = fc.inputSize() * fc.outputSize();
        if (filter.length != size) {
            throw new IllegalArgumentException("arm_fully_connected_s8: filter has " + filter.length
                    + " values but [output_dims.c][filter_dims.n] needs " + size);
        }
        runRows(batches, input, filter, output, scratch);
    }

    /**
     * The rows of {@code input} to those of {@code output}, with the constant weights, or with {@code runFilter} if
     * there is one (read as it is: it is used once); the first {@code inputSize} values of the scratch take each
     * widened row, the next {@code outputSize} its sums.
     */
    private void runRows(int batches, byte[] input, byte[] runFilter, byte[] output, int[] scratch) {
        int inputSize = fc.inputSize();
        int outputSize = fc.outputSize();
        if (input.length != batches * inputSize || output.length != batches * outputSize) {
            throw new IllegalArgumentException("arm_fully_connected_s8: " + batches + " rows of " + inputSize
                    + " -> " + outputSize + " values do not fit arrays of " + input.length + " and "
                    + output.length);
        }
        int inputOffset = fc.inputOffset();
        int outputOffset = fc.outputOffset();
        int multiplier = fc.multiplier();
        int shift = fc.shift();
        int min = fc.activationMin();
        int max = fc.activationMax();
        for (int b = 0; b < batches; b++) {
            Widened.widen(input, b * inputSize, scratch, 0, inputSize, inputOffset);
            if (runFilter == null) {
                weights.dots(scratch, 0, scratch, inputSize);
            } else {
                for (int o = 0; o < outputSize; o++) {
                    scratch[inputSize + o] = Widened.dot(scratch, 0, runFilter, o * inputSize, inputSize);
                }
            }
            int out = b * outputSize;
            for (int o = 0; o < outputSize; o++) {
                int acc = bias[o] + scratch[inputSize + o];
                int value = ArmNnRequantize.requantize(acc, multiplier, shift, rounding) + outputOffset;
                output[out + o] = (byte) Widened.clamp(value, min, max);
            }
        }
    }
}
