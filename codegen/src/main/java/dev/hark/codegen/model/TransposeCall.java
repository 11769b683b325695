package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** {@code hark_transpose_s8(input, output, rows, cols)}: {@code [rows][cols]} to {@code [cols][rows]}. */
public record TransposeCall(Comment comment, String input, String output, int rows, int cols) implements ModelElement {
}
