package dev.hark.pipeline.firmware;

import dev.hark.pipeline.workspace.Workspace;
import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.GenerationResult;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.ModelFit;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.KernelProgram;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stages 6 and 7: render the model as C, then build the harness firmware for each target. Generation only
 * rewrites files whose content changed and make only rebuilds what changed, so rerunning costs little.
 */
public final class FirmwareStage {
    /** What was generated and built. */
    public record Built(GenerationResult generation, FirmwareProject project, Map<Target, FirmwareBuild.Result> builds) {
    }

    private FirmwareStage() {
    }

    /** With the generator's default settings. */
    public static Built run(QuantizedModel model, Workspace workspace, List<Target> targets, KernelLibrary kernels,
                            PrintStream log) throws IOException {
        return run(model, workspace, new CodegenConfig(), targets, kernels, log);
    }

    /**
     * @param codegen the generator's settings; the sources go to the workspace whatever its output directory says
     * @param kernels the CMSIS-NN every target's firmware is built against; the rounding is the model's
     * @throws ModelMisfitException if the model's network cannot fit a target board, before anything is generated or
     *                              built
     */
    public static Built run(QuantizedModel model, Workspace workspace, CodegenConfig codegen, List<Target> targets,
                            KernelLibrary kernels, PrintStream log) throws IOException {
        CodegenConfig config = codegen.withOutputDirectory(workspace.generatedSources().toString());
        requireFit(model, config, targets, "the model");
        GenerationResult generation = CodeGenerator.generate(model, config);
        log.println("[generate] " + generation.written().size() + " files written, " + generation.unchanged().size()
                + " unchanged -> " + generation.outputDirectory() + "; arena " + generation.arenaBytes() + " bytes");
        FirmwareProject project = FirmwareProject.create(workspace.firmware().resolve("project"))
                .copyGeneratedSources(workspace.generatedSources());
        Map<Target, FirmwareBuild.Result> builds = new LinkedHashMap<>();
        for (Target target : targets) {
            log.println("[build] " + target.makeName() + " ...");
            FirmwareBuild.Result result = FirmwareBuild.of(project, target).optRounding(model.rounding())
                    .optKernels(kernels).build();
            log.println("[build] " + target.makeName() + " with " + result.kernelsAndRounding() + " -> "
                    + result.executable() + result.size().map(s -> " (" + s + ")").orElse(""));
            builds.put(target, result);
        }
        return new Built(generation, project, builds);
    }

    /**
     * Refuses, before anything is generated or compiled, a model whose harness firmware cannot fit one of the target
     * boards ({@link ModelFit}; the host has no such limit), with the figures of every board it does not fit, so that
     * a run over many boards ({@code all-qemu}) says at once which of them to leave out.
     *
     * @param modelName how to name the model in the message, e.g. its file
     * @throws ModelMisfitException one line: each board the model does not fit, with its figures, and the targets it
     *                              fits
     */
    public static void requireFit(QuantizedModel model, CodegenConfig codegen, List<Target> targets,
                                  String modelName) {
        List<String> problems = new ArrayList<>();
        List<String> fitting = new ArrayList<>();
        KernelProgram network = CodeGenerator.lower(model, codegen);
        for (Target target : targets) {
            Optional<String> problem = target.board().flatMap(board -> ModelFit.of(network, board, Program.HARNESS)
                    .problem(modelName));
            problem.ifPresentOrElse(problems::add, () -> fitting.add(target.makeName()));
        }
        if (problems.isEmpty()) {
            return;
        }
        throw new ModelMisfitException(String.join(" ", problems) + (fitting.isEmpty() ? ""
                : " It fits " + String.join(",", fitting) + " (--targets " + String.join(",", fitting) + ")."));
    }
}
