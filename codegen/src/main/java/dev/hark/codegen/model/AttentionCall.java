package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * Attention pooling: energy FC, tanh table, score FC, softmax over the steps (traced), transpose of the GRU
 * outputs, and the weighted sum as one more FC (traced).
 */
public record AttentionCall(Comment comment, FullyConnectedCall energy, LutCall tanh, FullyConnectedCall score,
                            SoftmaxRowsCall softmax, TracePoint weightsTrace, TransposeCall transpose,
                            FullyConnectedCall context, TracePoint contextTrace) implements ModelElement {
}
