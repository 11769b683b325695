package dev.hark.sim.glue;

/** {@code hark_transpose_s8}: {@code out[c][r] = in[r][c]} for an int8 matrix of {@code rows x cols}. */
public final class HarkTransposeS8 {
    private HarkTransposeS8() {
    }

    public static void run(byte[] input, byte[] output, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                output[c * rows + r] = input[r * cols + c];
            }
        }
    }
}
