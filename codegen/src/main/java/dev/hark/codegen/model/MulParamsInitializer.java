package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** The initializer of one {@code hark_mul_s8_params} (the scalar arguments of {@code arm_elementwise_mul_s8}). */
public record MulParamsInitializer(String field, int input1Offset, int input2Offset, int outOffset, int outMult,
                                   int outShift, int activationMin, int activationMax) implements ModelElement {
}
