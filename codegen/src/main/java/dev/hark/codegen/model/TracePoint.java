package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * Hands a traced tensor to the caller's trace callback right after the call that produced it.
 *
 * @param layerMacro the {@code HARK_LAYER_*} index macro
 * @param buffer     C expression of the tensor's first byte
 */
public record TracePoint(String layerMacro, String buffer) implements ModelElement {
}
