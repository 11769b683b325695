package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * A convolution layer: one call of {@code function} ({@code arm_convolve_wrapper_s8} or a hark kernel with the
 * same arguments), after checking its scratch with {@code function}{@code _get_buffer_size(<bufferSizeArguments>)}.
 */
public record ConvCall(Comment comment, String function, List<String> bufferSizeArguments, Scratch scratch, String params,
                       String quantParams, CDims inputDims, String input, CDims filterDims, String weights,
                       CDims biasDims, String bias, CDims outputDims, String output) implements ModelElement {
}
