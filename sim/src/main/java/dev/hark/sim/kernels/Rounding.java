package dev.hark.sim.kernels;

/**
 * Which build of CMSIS-NN's {@code arm_nn_requantize} to reproduce.
 *
 * <p>The two builds compute the same thing except where a requantized value lies exactly (or, for
 * {@link #DOUBLE}, almost exactly) half-way between two integers, so a model simulated with one must be
 * deployed with a library built the same way.
 */
public enum Rounding {
    /**
     * The CMSIS-NN default (and TFLite's {@code MultiplyByQuantizedMultiplier}): a rounding doubling high
     * multiply followed by a rounding right shift with ties away from zero.
     */
    DOUBLE,
    /**
     * CMSIS-NN built with {@code CMSIS_NN_USE_SINGLE_ROUNDING}: one 64-bit product, one rounding right
     * shift with ties towards plus infinity.
     */
    SINGLE
}
