package dev.hark.sim.model;

/**
 * Parameters of one {@code arm_elementwise_mul_s8} call (Java twin of {@code hark_mul_s8_params}):
 * {@code out = clamp(requantize((a + input1Offset) * (b + input2Offset), outMult, outShift) + outOffset)}.
 */
public record ElementwiseMul(int input1Offset, int input2Offset, int outOffset, int outMult, int outShift,
                             int activationMin, int activationMax) {
}
