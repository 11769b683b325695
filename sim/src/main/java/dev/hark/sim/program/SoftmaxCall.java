package dev.hark.sim.program;

/**
 * {@code arm_softmax_s8(input, rows, row_size, mult, shift, diff_min, output)}; the output has scale 1/256 and zero
 * point -128.
 *
 * @param purpose what the probabilities are, in words
 */
public record SoftmaxCall(String layer, String purpose, int rows, int rowSize, int mult, int shift, int diffMin,
                          TensorId input, TensorId output) implements KernelCall.Unary {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.softmax(this);
    }
}
