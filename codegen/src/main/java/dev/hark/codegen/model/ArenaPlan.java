package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * The caller's arena and the buffers planned inside it.
 *
 * @param sizeBytes  arena size (the plan's peak)
 * @param alignment  alignment of the arena itself and of every offset
 * @param keepsState true when some buffers carry a stream's state from one step to the next
 * @param table      the printed plan, one line per entry, for the comment above the arena; empty for none
 * @param buffers    pointers into the arena, in first-use order
 */
public record ArenaPlan(int sizeBytes, int alignment, boolean keepsState, List<String> table,
                        List<ArenaBuffer> buffers) implements ModelElement {
    public ArenaPlan {
        table = List.copyOf(table);
        buffers = List.copyOf(buffers);
    }
}
