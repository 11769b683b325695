package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** A softmax layer: one {@code arm_softmax_s8} call, then its trace. */
public record SoftmaxCall(Comment comment, SoftmaxRowsCall softmax, TracePoint trace) implements ModelElement {
}
