package dev.hark.sim.kernels;

/**
 * {@code arm_fully_connected_s8}: int8 fully-connected layer with one (per-tensor) requantization
 * multiplier.
 *
 * <pre>
 *   out[b][o] = clamp(requantize(bias[o] + sum_k (in[b][k] + inputOffset) * (w[o][k] + filterOffset),
 *                                multiplier, shift) + outputOffset, act.min, act.max)
 * </pre>
 * The sum is an int32 accumulator that wraps as in C.
 */
public final class ArmFullyConnectedS8 {

    private ArmFullyConnectedS8() {
    }

    /**
     * Runs the layer.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param p offsets ({@code inputOffset = -input_zero_point}, {@code filterOffset = -filter_zero_point},
     *          normally 0; {@code outputOffset = +output_zero_point}) and the activation clamp
     * @param q per-tensor multiplier (Q31) and shift ([-31, 30])
     * @param inputDims {@code n} = batches, {@code h*w*c} = accumulation depth
     * @param input int8 {@code [batches][accum_depth]}
     * @param filterDims {@code n} = accumulation depth ({@code c} = output depth by convention, not read)
     * @param filter int8 {@code [output_depth][accum_depth]}
     * @param biasDims not read (as in C)
     * @param bias int32 {@code [output_depth]}, or null for no bias
     * @param outputDims {@code c} = output depth
     * @param output int8 {@code [batches][output_depth]}, written
     * @throws IllegalArgumentException if an array length does not match the dimensions
     */
    public static void run(Rounding r, CmsisNnFcParams p, CmsisNnPerTensorQuantParams q, CmsisNnDims inputDims,
            byte[] input, CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims, int[] bias,
            CmsisNnDims outputDims, byte[] output) {
        FullyConnectedS8Loop.run("arm_fully_connected_s8", r, p, new int[] {q.multiplier()},
                new int[] {q.shift()}, false, inputDims, input, filterDims, filter, bias, outputDims, output);
    }
}
