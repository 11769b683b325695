package dev.hark.cli;

import dev.hark.pipeline.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -w, --work} option: the folder where every stage keeps its outputs. */
final class WorkspaceOption {
    @Option(names = {"-w", "--work"}, defaultValue = "build/demo",
            description = "Workspace for every stage's output (default: ${DEFAULT-VALUE}).")
    Path work;

    Workspace workspace() {
        return new Workspace(work.toAbsolutePath());
    }
}
