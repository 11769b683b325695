package dev.hark.cli;

import dev.hark.pipeline.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code -w, --work} option: the folder where every stage keeps its outputs; a shared setting
 * ({@link dev.hark.config.Setting#WORKSPACE}), its description and default come from there.
 */
final class WorkspaceOption {
    @Option(names = {"-w", "--work"})
    Path work;

    Workspace workspace() {
        return new Workspace(work.toAbsolutePath());
    }
}
