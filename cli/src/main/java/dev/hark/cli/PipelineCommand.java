package dev.hark.cli;

import dev.hark.pipeline.workspace.WorkspaceLock;
import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;

/**
 * A command that runs pipeline stages: their shared options and the workspace held for the run
 * ({@link WorkspaceLock}), so that a second run on the same workspace is refused rather than interleaved.
 */
abstract class PipelineCommand extends Subcommand {
    @Mixin
    PipelineOptions pipeline;

    @Override
    public final Integer call() throws Exception {
        try (WorkspaceLock lock = WorkspaceLock.acquire(pipeline.workspace().root())) {
            return runLocked();
        }
    }

    /** The command's work, while it holds the workspace. */
    abstract Integer runLocked() throws Exception;

    /** Writes a table the command made into the workspace and prints it, then where it is. */
    void writeTable(Path file, String markdown) throws IOException {
        AtomicFiles.writeString(file, markdown);
        out().print(markdown);
        out().println("written: " + file);
    }
}
