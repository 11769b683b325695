package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * {@code #define name value}, with an optional comment ({@link Comment#NONE} for none).
 *
 * @param value the replacement text, already a valid C expression (parenthesised when negative)
 */
public record MacroConstant(String name, String value, Comment comment) implements ModelElement {
}
