package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** A dense layer: one {@code arm_fully_connected_s8} call, then its trace. */
public record DenseCall(Comment comment, FullyConnectedCall fc, TracePoint trace) implements ModelElement {
}
