package dev.hark.codegen.model;

/**
 * A {@code cmsis_nn_dims} value. What n, h, w and c mean depends on the argument (for a fully-connected filter
 * n is the accumulation depth and c the output depth, as CMSIS-NN defines it).
 */
public record CDims(int n, int h, int w, int c) {
    /** The C initializer, for example {@code {1, 101, 40, 1}}. */
    public String initializer() {
        return "{" + n + ", " + h + ", " + w + ", " + c + "}";
    }
}
