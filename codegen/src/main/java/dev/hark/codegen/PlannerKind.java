package dev.hark.codegen;

import dev.hark.sim.program.plan.GreedyMemoryPlanner;
import dev.hark.sim.program.plan.LinearMemoryPlanner;
import dev.hark.sim.program.plan.MemoryPlanner;

/** Which arena planner the generator uses. */
public enum PlannerKind {
    /** Buffers that are never live together share memory (the default; see {@link GreedyMemoryPlanner}). */
    GREEDY,
    /** Every buffer gets its own memory: larger, but trivially correct ({@link LinearMemoryPlanner}). */
    LINEAR;

    MemoryPlanner create(int alignment) {
        return this == GREEDY ? new GreedyMemoryPlanner(alignment) : new LinearMemoryPlanner(alignment);
    }
}
