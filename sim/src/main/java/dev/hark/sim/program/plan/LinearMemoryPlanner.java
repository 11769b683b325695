package dev.hark.sim.program.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: every buffer gets its own bytes, one after the other in request order, as if nothing were ever
 * freed. Its peak is the sum of all (aligned) sizes; a real planner must never need more.
 */
public final class LinearMemoryPlanner implements MemoryPlanner {
    private final int alignment;

    /** @param alignment offset alignment in bytes, a power of two */
    public LinearMemoryPlanner(int alignment) {
        this.alignment = Alignment.check(alignment);
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> requests) {
        List<PlannedBuffer> placed = new ArrayList<>();
        int offset = 0;
        for (BufferRequest request : requests) {
            placed.add(new PlannedBuffer(request, offset));
            offset = Alignment.up(offset + request.size(), alignment);
        }
        return MemoryPlan.of("linear", alignment, placed);
    }
}
