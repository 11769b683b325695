package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_elementwise_mul_s16}: multiplies two int16 vectors element by element.
 *
 * <pre>
 *   out[i] = clamp(requantize(in1[i] * in2[i], outMult, outShift), actMin, actMax)
 * </pre>
 * int16 tensors are symmetric, so there are no offsets (the C function takes offset arguments but ignores
 * them). Unlike the s16 fully-connected kernel this one uses the 32-bit {@code arm_nn_requantize}, so its
 * result depends on the {@link Rounding} build.
 */
public final class ArmElementwiseMulS16 {

    private static final String KERNEL = "arm_elementwise_mul_s16";

    private ArmElementwiseMulS16() {
    }

    /**
     * Runs the multiplication. {@code out} may be one of the inputs.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param in1 first int16 input {@code [blockSize]}
     * @param in2 second int16 input {@code [blockSize]}
     * @param out int16 output {@code [blockSize]}, written
     * @param outMult Q31 multiplier of {@code scale1 * scale2 / scale_out}
     * @param outShift exponent, in [-31, 30]
     * @param actMin lowest output value, normally -32768
     * @param actMax highest output value, normally 32767
     * @param blockSize number of elements
     * @throws IllegalArgumentException if an array is shorter or longer than blockSize
     */
    public static void run(Rounding r, short[] in1, short[] in2, short[] out, int outMult, int outShift,
            int actMin, int actMax, int blockSize) {
        Objects.requireNonNull(r, "rounding");
        KernelChecks.checkLength(KERNEL, "input1", in1.length, blockSize, "block_size");
        KernelChecks.checkLength(KERNEL, "input2", in2.length, blockSize, "block_size");
        KernelChecks.checkLength(KERNEL, "output", out.length, blockSize, "block_size");
        for (int i = 0; i < blockSize; i++) {
            int value = ArmNnRequantize.requantize(in1[i] * in2[i], outMult, outShift, r);
            out[i] = (short) Math.min(Math.max(value, actMin), actMax);
        }
    }
}
