package dev.hark.codegen;

import dev.hark.sim.program.plan.MemoryPlan;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link CodeGenerator} did.
 *
 * @param outputDirectory where the files are
 * @param written         files whose content changed (or that are new)
 * @param unchanged       files left untouched because their content was already right
 * @param deleted         files of an earlier generation that are no longer generated
 * @param memoryPlan      the arena plan; {@link MemoryPlan#toTable()} prints it
 */
public record GenerationResult(Path outputDirectory, List<String> written, List<String> unchanged,
                               List<String> deleted, MemoryPlan memoryPlan) {
    public GenerationResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    /** Bytes of the static arena that holds every activation and all scratch memory. */
    public int arenaBytes() {
        return memoryPlan.peakBytes();
    }
}
