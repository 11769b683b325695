package dev.hark.sim.program.plan;

import java.util.List;

/**
 * Places buffers with known sizes and lifetimes in one static arena.
 *
 * <p>Contract of every implementation: each returned offset is a multiple of the planner's alignment; two
 * buffers whose lifetimes overlap ({@link BufferRequest#livesAlongside}) never share a byte; the plan lists the
 * buffers in the order they were requested; the same requests always give the same plan.
 */
public interface MemoryPlanner {
    /**
     * @param requests buffers with unique names
     * @return offsets and the arena size (peak) they need
     * @throws IllegalArgumentException if two requests have the same name
     */
    MemoryPlan plan(List<BufferRequest> requests);
}
