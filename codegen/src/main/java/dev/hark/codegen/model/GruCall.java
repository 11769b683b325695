package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * A GRU layer: one {@code hark_gru_s8} call over all steps.
 *
 * @param state the C expression of the carried hidden state, or {@code NULL} to start from zero
 */
public record GruCall(Comment comment, Scratch scratch, String params, int steps, String input, String state,
                      String output)
        implements ModelElement {
}
