package dev.hark.sim.model;

/**
 * One {@code arm_fully_connected_s8} call with its constant operands: the Java twin of the C struct
 * {@code hark_fc_s8_params}.
 *
 * @param inputSize    accumulation depth
 * @param outputSize   number of outputs
 * @param weights      symmetric int8 weights {@code [outputSize][inputSize]}; {@code null} when the
 *                     "weights" are an activation supplied at run time (the attention's weighted sum)
 * @param bias         int32 bias {@code [outputSize]}, scale = input scale x weight scale; may be all zero
 * @param inputOffset  {@code -input_zero_point}
 * @param outputOffset {@code +output_zero_point}
 * @param multiplier   Q31 requantization multiplier of {@code input_scale * weight_scale / output_scale}
 * @param shift        its shift ({@code > 0} left)
 */
public record FullyConnected(int inputSize, int outputSize, byte[] weights, int[] bias, int inputOffset,
                             int outputOffset, int multiplier, int shift, int activationMin, int activationMax) {
    public FullyConnected {
        if (weights != null && weights.length != inputSize * outputSize) {
            throw new IllegalArgumentException("weights hold " + weights.length + " values, expected "
                    + outputSize + " x " + inputSize);
        }
        if (bias.length != outputSize) {
            throw new IllegalArgumentException("bias holds " + bias.length + " values, expected " + outputSize);
        }
    }
}
