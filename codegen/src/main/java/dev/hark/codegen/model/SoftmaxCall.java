package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * {@code arm_softmax_s8} over {@code rows} rows of {@code rowSize}; its parameters are macros from
 * {@code hark_model_data.h}. The function returns nothing, so there is no status to check.
 */
public record SoftmaxCall(Comment comment, String input, int rows, int rowSize, String mult, String shift,
                              String diffMin, String output) implements ModelElement {
}
