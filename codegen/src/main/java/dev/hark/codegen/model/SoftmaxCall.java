package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * {@code hark_softmax_s8} over {@code rows} rows of {@code rowSize}, its exponentials read from {@code table}, an
 * array of {@code hark_model_data.c}.
 */
public record SoftmaxCall(Comment comment, String input, int rows, int rowSize, String table, String output)
        implements ModelElement {
}
