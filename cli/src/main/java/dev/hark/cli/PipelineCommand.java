package dev.hark.cli;

import dev.hark.pipeline.workspace.WorkspaceLock;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs pipeline stages: their shared options, where it prints its results, and the workspace held
 * for the run ({@link WorkspaceLock}), so that a second run on the same workspace is refused rather than interleaved.
 */
abstract class PipelineCommand implements Callable<Integer> {
    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (WorkspaceLock lock = WorkspaceLock.acquire(pipeline.workspace().root())) {
            return runLocked();
        }
    }

    /** The command's work, while it holds the workspace. */
    abstract Integer runLocked() throws Exception;

    /** The command's standard output (progress goes to stderr). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
