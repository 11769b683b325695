package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_elementwise_add_s8}: adds two int8 vectors that have different scales and zero points.
 *
 * <pre>
 *   a = requantize((in1[i] + in1Offset) &lt;&lt; leftShift, in1Mult, in1Shift)
 *   b = requantize((in2[i] + in2Offset) &lt;&lt; leftShift, in2Mult, in2Shift)
 *   out[i] = clamp(requantize(a + b, outMult, outShift) + outOffset, actMin, actMax)
 * </pre>
 * Use {@code leftShift = 20} as TFLite does (see {@link dev.hark.sim.quant.AddParams}): on DSP cores
 * (Cortex-M4/M7/M33) CMSIS-NN gives different results from this portable-C behaviour when leftShift &lt; 16.
 */
public final class ArmElementwiseAddS8 {

    private static final String KERNEL = "arm_elementwise_add_s8";

    private ArmElementwiseAddS8() {
    }

    /**
     * Runs the addition. {@code out} may be one of the inputs.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param in1 first int8 input {@code [blockSize]}
     * @param in2 second int8 input {@code [blockSize]}
     * @param in1Offset {@code -input1_zero_point}, in [-127, 128]
     * @param in1Mult Q31 multiplier of input 1 to the common scale
     * @param in1Shift its exponent, in [-31, 0]
     * @param in2Offset {@code -input2_zero_point}, in [-127, 128]
     * @param in2Mult Q31 multiplier of input 2 to the common scale
     * @param in2Shift its exponent, in [-31, 0]
     * @param leftShift headroom shift applied to both inputs, normally 20
     * @param out int8 output {@code [blockSize]}, written
     * @param outOffset {@code +output_zero_point}, in [-128, 127]
     * @param outMult Q31 multiplier from the common scale to the output scale
     * @param outShift its exponent, in [-31, 30]
     * @param actMin lowest output value
     * @param actMax highest output value
     * @param blockSize number of elements
     * @throws IllegalArgumentException if an array is shorter or longer than blockSize
     */
    public static void run(Rounding r, byte[] in1, byte[] in2, int in1Offset, int in1Mult, int in1Shift,
            int in2Offset, int in2Mult, int in2Shift, int leftShift, byte[] out, int outOffset, int outMult,
            int outShift, int actMin, int actMax, int blockSize) {
        Objects.requireNonNull(r, "rounding");
        if (!(leftShift >= 0 && leftShift <= 31)) {
            throw KernelChecks.failure(KERNEL, "left_shift " + leftShift + " is outside [0, 31]");
        }
        KernelChecks.checkLength(KERNEL, "input1", in1.length, blockSize, "block_size");
        KernelChecks.checkLength(KERNEL, "input2", in2.length, blockSize, "block_size");
        KernelChecks.checkLength(KERNEL, "output", out.length, blockSize, "block_size");
        for (int i = 0; i < blockSize; i++) {
            int a = scaledInput(r, in1[i], in1Offset, leftShift, in1Mult, in1Shift);
            int b = scaledInput(r, in2[i], in2Offset, leftShift, in2Mult, in2Shift);
            int sum = ArmNnRequantize.requantize(a + b, outMult, outShift, r) + outOffset;
            out[i] = (byte) Math.min(Math.max(sum, actMin), actMax);
        }
    }

    /**
     * The addition's first step for one input: its value brought to the common scale. A function of the int8 value
     * alone, so a fused kernel can read it from a table of the 256 results ({@code HarkGruS8.addInputTable}).
     *
     * @param r         which CMSIS-NN requantization build to reproduce
     * @param value     the int8 input
     * @param offset    that input's offset
     * @param leftShift the headroom shift of both inputs
     * @param mult      that input's multiplier to the common scale
     * @param shift     its exponent
     */
    public static int scaledInput(Rounding r, int value, int offset, int leftShift, int mult, int shift) {
        return ArmNnRequantize.requantize((value + offset) << leftShift, mult, shift, r);
    }
}
