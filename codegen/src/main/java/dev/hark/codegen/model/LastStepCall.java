package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * Last-step pooling: {@code const int8_t *const output = sequence + offset;} (no kernel, no copy), or, when
 * {@code copy} is set because the layer ends the network, a loop copying the {@code size} bytes into
 * {@code output}.
 *
 * @param sequence C expression of the GRU output {@code [steps][hidden]}
 * @param offset   first byte of the last step: {@code (steps - 1) * hidden}
 * @param size     bytes of one step
 * @param output   the pointer's name, or with {@code copy} the destination buffer
 */
public record LastStepCall(Comment comment, String sequence, int offset, int size, String output, boolean copy)
        implements ModelElement {
}
