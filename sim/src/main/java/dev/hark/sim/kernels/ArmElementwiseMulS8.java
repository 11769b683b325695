package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_elementwise_mul_s8}: multiplies two int8 vectors element by element.
 *
 * <pre>
 *   out[i] = clamp(requantize((in1[i] + in1Offset) * (in2[i] + in2Offset), outMult, outShift) + outOffset,
 *                  actMin, actMax)
 * </pre>
 * with {@code outMult, outShift} the quantized {@code scale1 * scale2 / scale_out}
 * (see {@link dev.hark.sim.quant.MulParams}).
 */
public final class ArmElementwiseMulS8 {

    private static final String KERNEL = "arm_elementwise_mul_s8";

    private ArmElementwiseMulS8() {
    }

    /**
     * Runs the multiplication. {@code out} may be one of the inputs.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param in1 first int8 input {@code [blockSize]}
     * @param in2 second int8 input {@code [blockSize]}
     * @param in1Offset {@code -input1_zero_point}, in [-127, 128]
     * @param in2Offset {@code -input2_zero_point}, in [-127, 128]
     * @param out int8 output {@code [blockSize]}, written
     * @param outOffset {@code +output_zero_point}, in [-128, 127]
     * @param outMult Q31 multiplier
     * @param outShift exponent, in [-31, 30]
     * @param actMin lowest output value
     * @param actMax highest output value
     * @param blockSize number of elements
     * @throws IllegalArgumentException if an array is shorter or longer than blockSize
     */
    public static void run(Rounding r, byte[] in1, byte[] in2, int in1Offset, int in2Offset, byte[] out,
            int outOffset, int outMult, int outShift, int actMin, int actMax, int blockSize) {
        Objects.requireNonNull(r, "rounding");
        KernelChecks.checkLength(KERNEL, "input1", in1.length, blockSize, "block_size");
        KernelChecks.checkLength(KERNEL, "input2", in2.length, blockSize, "block_size");
        KernelChecks.checkLength(KERNEL, "output", out.length, blockSize, "block_size");
        for (int i = 0; i < blockSize; i++) {
            int product = (in1[i] + in1Offset) * (in2[i] + in2Offset);
            int value = ArmNnRequantize.requantize(product, outMult, outShift, r) + outOffset;
            out[i] = (byte) Math.min(Math.max(value, actMin), actMax);
        }
    }
}
