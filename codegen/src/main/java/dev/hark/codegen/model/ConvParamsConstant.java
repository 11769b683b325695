package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * The {@code cmsis_nn_conv_params} and {@code cmsis_nn_per_channel_quant_params} of one convolution.
 *
 * @param name        C name of the conv params struct
 * @param quantName   C name of the quant params struct
 * @param multipliers C name of the per-channel multiplier array
 * @param shifts      C name of the per-channel shift array
 */
public record ConvParamsConstant(String name, String quantName, Comment comment, int inputOffset, int outputOffset,
                                 int strideW, int strideH, int padW, int padH, int dilationW, int dilationH,
                                 int activationMin, int activationMax, String multipliers, String shifts)
        implements ModelElement {
}
