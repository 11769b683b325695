package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** A GRU layer: one {@code hark_gru_s8} call over all steps, then its trace. */
public record GruCall(Comment comment, Scratch scratch, String params, int steps, String input, String output,
                      TracePoint trace) implements ModelElement {
}
