package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** A convolution layer: one {@code arm_convolve_wrapper_s8} call. */
public record ConvCall(Comment comment, Scratch scratch, String params, String quantParams, CDims inputDims,
                       String input, CDims filterDims, String weights, CDims biasDims, String bias,
                       CDims outputDims, String output) implements ModelElement {
}
