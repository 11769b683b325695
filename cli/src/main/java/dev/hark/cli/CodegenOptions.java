package dev.hark.cli;

import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.PlannerKind;
import picocli.CommandLine.Option;

/**
 * The options of the commands that generate C sources: how they are generated. Shared settings
 * ({@link dev.hark.config.Setting}): their descriptions and defaults come from there.
 */
final class CodegenOptions {
    @Option(names = "--planner")
    PlannerKind planner;

    @Option(names = "--no-comments")
    boolean noComments;

    /** A generation configuration with these options, to be completed by the command. */
    CodegenConfig config() {
        return new CodegenConfig().withPlanner(planner).withEmitComments(!noComments);
    }
}
