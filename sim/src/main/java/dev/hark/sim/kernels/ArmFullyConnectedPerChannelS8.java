package dev.hark.sim.kernels;

/**
 * {@code arm_fully_connected_per_channel_s8}: as {@link ArmFullyConnectedS8}, but output {@code o} is
 * requantized with {@code multiplier[o]}, {@code shift[o]}.
 */
public final class ArmFullyConnectedPerChannelS8 {

    private ArmFullyConnectedPerChannelS8() {
    }

    /**
     * Runs the layer.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param p offsets ({@code inputOffset = -input_zero_point}, {@code filterOffset = -filter_zero_point},
     *          normally 0; {@code outputOffset = +output_zero_point}) and the activation clamp
     * @param q one Q31 multiplier and shift ([-31, 30]) per output, length {@code output_depth}
     * @param inputDims {@code n} = batches, {@code h*w*c} = accumulation depth
     * @param input int8 {@code [batches][accum_depth]}
     * @param filterDims {@code n} = accumulation depth
     * @param filter int8 {@code [output_depth][accum_depth]}
     * @param biasDims not read (as in C)
     * @param bias int32 {@code [output_depth]}, or null for no bias
     * @param outputDims {@code c} = output depth
     * @param output int8 {@code [batches][output_depth]}, written
     * @throws IllegalArgumentException if an array length does not match the dimensions
     */
    public static void run(Rounding r, CmsisNnFcParams p, CmsisNnPerChannelQuantParams q, CmsisNnDims inputDims,
            byte[] input, CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims, int[] bias,
            CmsisNnDims outputDims, byte[] output) {
        FullyConnectedS8Loop.run("arm_fully_connected_per_channel_s8", r, p, q.multiplier(), q.shift(), true,
                inputDims, input, filterDims, filter, bias, outputDims, output);
    }
}
