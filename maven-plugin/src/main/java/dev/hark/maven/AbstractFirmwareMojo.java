package dev.hark.maven;

import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.Target;
import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.firmware.ModelMisfitException;
import dev.hark.sim.model.QuantizedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that build the harness firmware for targets: the targets, and the build itself (the harness image
 * {@code hark verify} runs: the generated network, the C runtime, the board's startup code and hark's test harness),
 * with the kernel library chosen and the model's rounding.
 */
abstract class AbstractFirmwareMojo extends AbstractBuildMojo {
    /**
     * The firmware's targets, comma-separated: host (built with gcc, runs natively) and boards of the firmware
     * template by their folder names (mps2-an386 and the others {@code hark boards} lists), built with the Arm
     * toolchain; all-qemu stands for every board QEMU emulates. The upper-case spelling (HOST, MPS2_AN386) is
     * accepted too.
     */
    @Parameter(property = "hark.targets", defaultValue = "host,mps2-an386")
    List<String> targets;

    /** The targets parameter as targets, or a failure naming a bad value. */
    List<Target> targets() throws MojoFailureException {
        String known = String.join(", ", Target.names()) + ", " + Target.ALL_EMULATED;
        List<Target> result = new ArrayList<>();
        for (String name : targets == null ? List.<String>of() : targets) {
            try {
                result.addAll(Target.selected(List.of(name)));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("The parameter targets names an unknown target '" + name.strip()
                        + "': use " + known + ".");
            }
        }
        result = List.copyOf(new LinkedHashSet<>(result));
        if (result.isEmpty()) {
            throw new MojoFailureException("The parameter targets is empty: name at least one of " + known + ".");
        }
        return result;
    }

    /**
     * Generates the sources (or finds them up to date) and builds them for each of {@code buildTargets}, against the
     * kernel library chosen and for the model's rounding; a model whose network cannot fit a target board fails
     * first ({@link FirmwareStage#requireFit}).
     */
    Map<Target, FirmwareBuild.Result> buildFirmware(List<Target> buildTargets, QuantizedModel model)
            throws MojoFailureException {
        KernelLibrary kernels = kernels();
        CodegenConfig codegen = codegenConfig();
        try {
            FirmwareStage.requireFit(model, codegen, buildTargets, this.model.toString());
        } catch (ModelMisfitException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        SourcesGeneration.Outcome sources = generateSources(kernels);
        Map<Target, FirmwareBuild.Result> builds = new LinkedHashMap<>();
        try {
            FirmwareProject project = FirmwareProject.create(firmwareDirectory.toPath())
                    .copyGeneratedSources(sources.outputDirectory());
            for (Target target : buildTargets) {
                builds.put(target, FirmwareBuild.of(project, target).optRounding(model.rounding())
                        .optKernels(kernels).build());
            }
        } catch (FirmwareRunException e) {
            throw failure(e, getLog());
        }
        return builds;
    }

    /**
     * The failure's first line (what failed: a missing tool with its apt packages, or make) as the goal's message;
     * what the tool printed, on the lines after it, goes to the log.
     */
    static MojoFailureException failure(FirmwareRunException e, Log log) {
        String[] lines = e.getMessage().split("\\R", 2);
        if (lines.length > 1) {
            log.error(lines[1]);
        }
        return new MojoFailureException(lines[0], e);
    }
}
