package dev.hark.sim.quant;

/**
 * The integer arguments of {@code arm_elementwise_add_s8} for given input and output scales, derived as
 * TFLite Micro's {@code add_common.cc} does for int8.
 *
 * <pre>
 *   leftShift = 20
 *   twiceMax  = 2 * max(scale1, scale2)
 *   (in1Mult, in1Shift) = QuantizeMultiplier(scale1 / twiceMax)           (&le; 1/2, so shift &le; 0)
 *   (in2Mult, in2Shift) = QuantizeMultiplier(scale2 / twiceMax)
 *   (outMult, outShift) = QuantizeMultiplier(twiceMax / (2^20 * scaleOut))
 * </pre>
 * Both inputs are brought to a common scale {@code twiceMax / 2^20} with 20 bits of headroom, added, then
 * rescaled to the output. The zero points are not part of this: pass {@code -zp1}, {@code -zp2} and
 * {@code +zpOut} as the kernel's offsets.
 *
 * @param leftShift headroom shift (20)
 * @param in1Mult Q31 multiplier of input 1
 * @param in1Shift exponent of input 1
 * @param in2Mult Q31 multiplier of input 2
 * @param in2Shift exponent of input 2
 * @param outMult Q31 output multiplier
 * @param outShift output exponent
 */
public record AddParams(int leftShift, int in1Mult, int in1Shift, int in2Mult, int in2Shift, int outMult,
        int outShift) {

    /** TFLite's choice for int8; CMSIS-NN's DSP path also needs at least 16. */
    public static final int LEFT_SHIFT = 20;

    /**
     * Derives the parameters. Scales stored as float32 should be widened to double by the caller.
     *
     * @param scale1 scale of input 1, &gt; 0
     * @param scale2 scale of input 2, &gt; 0
     * @param scaleOut scale of the output, &gt; 0
     * @return the parameters
     * @throws IllegalArgumentException if a scale is not finite and positive
     */
    public static AddParams of(double scale1, double scale2, double scaleOut) {
        requirePositive("input 1 scale", scale1);
        requirePositive("input 2 scale", scale2);
        requirePositive("output scale", scaleOut);
        double twiceMaxInputScale = 2 * Math.max(scale1, scale2);
        QuantizedMultiplier in1 = QuantizedMultiplier.of(scale1 / twiceMaxInputScale);
        QuantizedMultiplier in2 = QuantizedMultiplier.of(scale2 / twiceMaxInputScale);
        QuantizedMultiplier out = QuantizedMultiplier.of(twiceMaxInputScale / ((1 << LEFT_SHIFT) * scaleOut));
        return new AddParams(LEFT_SHIFT, in1.multiplier(), in1.shift(), in2.multiplier(), in2.shift(),
                out.multiplier(), out.shift());
    }

    static void requirePositive(String what, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(what + " " + scale + " must be finite and > 0");
        }
    }
}
