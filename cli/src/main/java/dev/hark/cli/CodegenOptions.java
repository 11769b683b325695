package dev.hark.cli;

import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.PlannerKind;
import dev.hark.firmware.KernelLibrary;
import dev.hark.sim.detect.DetectionSettings;
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

    @Option(names = "--detector", paramLabel = "<smoothing,threshold,refractory>")
    String detector;

    @Mixin
    CmsisNnOption cmsisNn;

    /**
     * A generation configuration with these options, to be completed by the command.
     *
     * @throws HarkException (bad input, naming the option) for a detector that is not three values in range
     */
    CodegenConfig config() {
        DetectionSettings settings = null;
        if (detector != null) {
            try {
                settings = DetectionSettings.parse(detector);
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.BAD_INPUT, "--detector: " + e.getMessage());
            }
        }
        return new CodegenConfig().withPlanner(planner).withEmitComments(!noComments).withDetector(settings);
    }

    /** The kernel library the generated C calls ({@link CmsisNnOption#kernels}). */
    KernelLibrary kernels(Map<String, String> environment, PrintStream err) {
        return cmsisNn.kernels(environment, err);
    }
}
