package dev.hark.sim.kernels;

/**
 * Mirror of {@code cmsis_nn_per_tensor_quant_params}: one requantization multiplier for a whole tensor.
 *
 * <p>The real scale is {@code multiplier * 2^(shift - 31)}; TFLite's {@code QuantizeMultiplier} produces
 * multipliers in [2^30, 2^31 - 1] and CMSIS-NN expects shifts in [-31, 30] ({@code shift > 0} is a left
 * shift). See {@link dev.hark.sim.quant.QuantizedMultiplier}.
 *
 * @param multiplier Q31 multiplier
 * @param shift power-of-two exponent
 */
public record CmsisNnPerTensorQuantParams(int multiplier, int shift) {
}
