package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * A constant array in {@code hark_model_data.c} or {@code hark_frontend_tables.c}.
 *
 * @param name      C identifier
 * @param cType     element type: {@code int8_t}, {@code int16_t}, {@code uint16_t} or {@code int32_t}
 * @param length    number of elements
 * @param lines     the initializer, already wrapped and aligned
 * @param alignment byte alignment requested with {@code __attribute__((aligned))}
 * @param internal  true when only this file refers to it (through a parameter struct): then it is static
 * @param comment   what it is, its shape and quantization; {@link Comment#NONE} for none
 */
public record ConstantArray(String name, String cType, int length, List<String> lines, int alignment,
                            boolean internal, Comment comment) implements ModelElement {
    public ConstantArray {
        lines = List.copyOf(lines);
    }
}
