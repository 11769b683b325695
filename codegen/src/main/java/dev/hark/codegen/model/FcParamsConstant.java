package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** {@code const hark_fc_s8_params name = {...};} in {@code hark_model_data.c}. */
public record FcParamsConstant(String name, Comment comment, FcParamsInitializer value) implements ModelElement {
}
