package dev.hark.sim.model;

/**
 * Parameters of one {@code arm_elementwise_add_s8} call (Java twin of {@code hark_add_s8_params}).
 * Both inputs are first brought to a common scale ({@code (x + offset) << leftShift}, then requantized by
 * their own multiplier), summed, then requantized to the output scale; TFLite's derivation with
 * {@code leftShift = 20}.
 */
public record ElementwiseAdd(int input1Offset, int input1Mult, int input1Shift, int input2Offset, int input2Mult,
                             int input2Shift, int leftShift, int outOffset, int outMult, int outShift,
                             int activationMin, int activationMax) {
}
