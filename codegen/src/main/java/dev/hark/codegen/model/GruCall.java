package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** A GRU layer: one {@code hark_gru_s8} call over all steps. */
public record GruCall(Comment comment, Scratch scratch, String params, int steps, String input, String output)
        implements ModelElement {
}
