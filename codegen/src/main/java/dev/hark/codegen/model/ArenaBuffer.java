package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** A pointer to one planned buffer: {@code int8_t *const name = arena + offset;}. */
public record ArenaBuffer(String name, int offset, int size, String comment) implements ModelElement {
}
