package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** {@code hark_window_push_s8(window, slot_size, slots, input)}: a streaming window takes its newest step. */
public record WindowPushCall(Comment comment, String window, int slotSize, int slots, String input)
        implements ModelElement {
}
