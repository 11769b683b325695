package dev.hark.sim.quant;

/**
 * The integer arguments of {@code arm_softmax_s8} for a given {@code beta} and input scale, derived as
 * TFLite Micro's int8 softmax does ({@code softmax_common.cc}, {@code kScaledDiffIntegerBits = 5}).
 *
 * <pre>
 *   real    = min(beta * inputScale * 2^26, 2^31 - 1)           (in double)
 *   (mult, shift) = QuantizeMultiplier(real)                    (shift &ge; 0: "GreaterThanOne")
 *   diffMin = -floor(31 * 2^26 / 2^shift)                       (TFLite CalculateInputRadius)
 * </pre>
 * The 2^26 turns an input difference into Q5.26, the format {@code exp_on_negative_values} expects; 31 is the
 * largest value 5 integer bits hold, so {@code diffMin} is the most negative difference that does not
 * overflow (and whose exponential is negligible anyway).
 *
 * @param mult Q31 multiplier ({@code input_multiplier})
 * @param shift {@code input_left_shift}, &ge; 0
 * @param diffMin most negative difference to the row maximum that still counts
 */
public record SoftmaxParams(int mult, int shift, int diffMin) {

    private static final int SCALED_DIFF_INTEGER_BITS = 5;

    /**
     * Derives the parameters. The arguments are float32 as in a TFLite model; they are widened to double
     * before any arithmetic, as TFLite does.
     *
     * @param beta softmax temperature, &gt; 0
     * @param inputScale scale of the int8 input tensor, &gt; 0
     * @return the parameters
     * @throws IllegalArgumentException if {@code beta * inputScale * 2^26} is not above 1 (TFLite's
     *                                  {@code QuantizeMultiplierGreaterThanOne} requirement), or the shift
     *                                  would exceed 31
     */
    public static SoftmaxParams of(float beta, float inputScale) {
        double real = Math.min((double) beta * (double) inputScale * (1 << (31 - SCALED_DIFF_INTEGER_BITS)),
                (1L << 31) - 1.0);
        if (!(real > 1.0)) {
            throw new IllegalArgumentException("softmax params: beta " + beta + " * input scale " + inputScale
                    + " * 2^26 = " + real + " must be > 1");
        }
        QuantizedMultiplier qm = QuantizedMultiplier.of(real);
        if (qm.shift() < 0 || qm.shift() > 31) {
            throw new IllegalArgumentException("softmax params: input left shift " + qm.shift()
                    + " is outside [0, 31] for beta " + beta + " and input scale " + inputScale);
        }
        double maxInputRescaled = 1.0 * ((1 << SCALED_DIFF_INTEGER_BITS) - 1)
                * (1L << (31 - SCALED_DIFF_INTEGER_BITS)) / (1L << qm.shift());
        int diffMin = -(int) Math.floor(maxInputRescaled);
        return new SoftmaxParams(qm.multiplier(), qm.shift(), diffMin);
    }
}
