package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** {@code hark_lut_s8(input, output, size, table)}; input and output may be the same buffer. */
public record LutCall(Comment comment, String input, String output, int size, String table) implements ModelElement {
}
