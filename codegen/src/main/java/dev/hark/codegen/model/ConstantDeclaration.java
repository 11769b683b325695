package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * An {@code extern const} declaration in {@code hark_model_data.h}.
 *
 * @param cType  the C type
 * @param name   the C identifier
 * @param length array length, or 0 for a scalar or struct
 * @param comment one line saying what it is; {@link Comment#NONE} for none
 */
public record ConstantDeclaration(String cType, String name, int length, Comment comment) implements ModelElement {
}
