package dev.hark.sim.program;

/**
 * {@code hark_transpose_s8(input, output, rows, cols)}: {@code output[c][r] = input[r][c]}.
 *
 * @param purpose why the matrix is transposed, in words
 */
public record TransposeCall(String layer, String purpose, int rows, int cols, TensorId input, TensorId output)
        implements KernelCall.Unary {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.transpose(this);
    }
}
