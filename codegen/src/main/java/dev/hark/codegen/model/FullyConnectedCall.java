package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * One {@code hark_fully_connected_s8} call (the arguments and integers of {@code arm_fully_connected_s8}) over
 * {@code batches} rows, or {@code hark_fully_connected_transposed_s8} (the same on a filter given transposed), its
 * constants taken from a {@code hark_fc_s8_params}.
 *
 * @param function the kernel called
 * @param params  C name of the {@code hark_fc_s8_params} constant
 * @param weights C expression of the filter: {@code params.weights}, or an activation buffer
 */
public record FullyConnectedCall(Comment comment, String function, String params, CDims inputDims, String input, CDims filterDims,
                                 String weights, CDims biasDims, CDims outputDims, String output, Scratch scratch)
        implements ModelElement {
}
