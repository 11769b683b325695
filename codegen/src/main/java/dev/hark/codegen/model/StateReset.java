package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** {@code memset(arena + offset, value, size)}: one state buffer set to its value at the start of a stream. */
public record StateReset(String name, int offset, int size, int value, Comment comment) implements ModelElement {
}
