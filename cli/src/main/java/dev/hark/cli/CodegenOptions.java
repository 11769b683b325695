package dev.hark.cli;

import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.PlannerKind;
import dev.hark.firmware.KernelLibrary;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that generate C sources: how they are generated and which kernel library the C
 * runtime beside them links. Shared settings ({@link dev.hark.config.Setting}): their descriptions and defaults come
 * from there.
 */
final class CodegenOptions {
    @Option(names = "--planner")
    PlannerKind planner;

    @Option(names = "--no-comments")
    boolean noComments;

    @Mixin
    CmsisNnOption cmsisNn;

    /** A generation configuration with these options, to be completed by the command. */
    CodegenConfig config() {
        return new CodegenConfig().withPlanner(planner).withEmitComments(!noComments);
    }

    /** The kernel library the generated C calls ({@link CmsisNnOption#kernels}). */
    KernelLibrary kernels(Map<String, String> environment, PrintStream err) {
        return cmsisNn.kernels(environment, err);
    }
}
