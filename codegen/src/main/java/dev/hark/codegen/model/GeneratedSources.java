package dev.hark.codegen.model;

import dev.hark.sim.program.plan.MemoryPlan;
import java.util.List;

/**
 * The whole generated program, fully decided and not yet rendered: the root of the model.
 *
 * @param files      the output files in a fixed order
 * @param memoryPlan where every activation and scratch buffer lives in the arena
 */
public record GeneratedSources(List<GeneratedFile> files, MemoryPlan memoryPlan) {
    public GeneratedSources {
        files = List.copyOf(files);
    }
}
