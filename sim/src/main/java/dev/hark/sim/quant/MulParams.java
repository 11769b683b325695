package dev.hark.sim.quant;

/**
 * The output multiplier of {@code arm_elementwise_mul_s8} / {@code arm_elementwise_mul_s16}, derived as
 * TFLite Micro's {@code mul_common.cc} does: {@code QuantizeMultiplier(scale1 * scale2 / scaleOut)}.
 */
public final class MulParams {

    private MulParams() {
    }

    /**
     * Derives the output multiplier. Scales stored as float32 should be widened to double by the caller.
     *
     * @param scale1 scale of input 1, &gt; 0
     * @param scale2 scale of input 2, &gt; 0
     * @param scaleOut scale of the output, &gt; 0
     * @return {@code (out_mult, out_shift)}
     * @throws IllegalArgumentException if a scale is not finite and positive
     */
    public static QuantizedMultiplier of(double scale1, double scale2, double scaleOut) {
        AddParams.requirePositive("input 1 scale", scale1);
        AddParams.requirePositive("input 2 scale", scale2);
        AddParams.requirePositive("output scale", scaleOut);
        return QuantizedMultiplier.of(scale1 * scale2 / scaleOut);
    }
}
