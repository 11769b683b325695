package dev.hark.trainer.quant;

/**
 * Float parameters by role name ({@code conv.weight}, {@code gru1.w_ih_r}, {@code att.w1}, {@code fc.b}, ...), laid
 * out as the integer network wants them: convolution filter {@code [C_OUT][K_TIME][K_MEL][1]}, matrices
 * {@code [out][in]}.
 */
@FunctionalInterface
public interface FloatWeights {
    /** @throws IllegalArgumentException if there is no parameter of that name */
    float[] get(String name);
}
