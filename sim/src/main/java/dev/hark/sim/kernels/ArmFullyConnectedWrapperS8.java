package dev.hark.sim.kernels;

/**
 * {@code arm_fully_connected_wrapper_s8}: dispatches to {@link ArmFullyConnectedPerChannelS8} or
 * {@link ArmFullyConnectedS8} according to {@code cmsis_nn_quant_params.is_per_channel}.
 */
public final class ArmFullyConnectedWrapperS8 {

    private ArmFullyConnectedWrapperS8() {
    }

    /**
     * Runs the layer; see {@link ArmFullyConnectedS8#run} for the formula, layouts and offsets.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param p offsets and activation clamp
     * @param q multipliers and shifts: one pair per output when {@code isPerChannel}, else element 0 is used
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
    public static void run(Rounding r, CmsisNnFcParams p, CmsisNnQuantParams q, CmsisNnDims inputDims,
            byte[] input, CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims, int[] bias,
            CmsisNnDims outputDims, byte[] output) {
        int[] multiplier = q.isPerChannel() ? q.multiplier() : new int[] {q.multiplier()[0]};
        int[] shift = q.isPerChannel() ? q.shift() : new int[] {q.shift()[0]};
        FullyConnectedS8Loop.run("arm_fully_connected_wrapper_s8", r, p, multiplier, shift, q.isPerChannel(),
                inputDims, input, filterDims, filter, bias, outputDims, output);
    }

    /**
     * The same with the fields of {@code cmsis_nn_quant_params} passed one by one.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param p offsets and activation clamp
     * @param isPerChannel whether {@code multiplier}/{@code shift} hold one pair per output
     * @param multiplier Q31 multipliers
     * @param shift exponents in [-31, 30]
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
    public static void run(Rounding r, CmsisNnFcParams p, boolean isPerChannel, int[] multiplier, int[] shift,
            CmsisNnDims inputDims, byte[] input, CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims,
            int[] bias, CmsisNnDims outputDims, byte[] output) {
        run(r, p, new CmsisNnQuantParams(multiplier, shift, isPerChannel), inputDims, input, filterDims, filter,
                biasDims, bias, outputDims, output);
    }
}
