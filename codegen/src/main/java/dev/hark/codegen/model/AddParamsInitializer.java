package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** The initializer of one {@code hark_add_s8_params} (the scalar arguments of {@code arm_elementwise_add_s8}). */
public record AddParamsInitializer(String field, int input1Offset, int input1Mult, int input1Shift, int input2Offset,
                                   int input2Mult, int input2Shift, int leftShift, int outOffset, int outMult,
                                   int outShift, int activationMin, int activationMax) implements ModelElement {
}
