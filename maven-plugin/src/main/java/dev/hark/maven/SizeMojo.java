package dev.hark.maven;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.SizeReport;
import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.io.ModelFile;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the firmware for each board among the targets with the Arm toolchain found on the machine and reports its
 * exact flash and RAM, from {@code arm-none-eabi-size}; fails when either is over its budget. The host, which has no
 * flash to measure, is passed over, so the goals share one {@code targets} setting. The image measured is the one
 * {@code hark verify} runs: the generated network, the C runtime, the board's startup code and hark's test harness
 * (which reads clips through semihosting, so its C library share is larger than a product's would be).
 */
@Mojo(name = "size", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SizeMojo extends AbstractGenerateMojo {
    /**
     * The firmware's targets, comma-separated: HOST (built with gcc, runs natively) and MPS2_AN386 (a Cortex-M4F
     * board: built with the Arm toolchain, runs under QEMU).
     */
    @Parameter(property = "hark.targets", defaultValue = "HOST,MPS2_AN386")
    List<String> targets;

    /** Most flash the firmware may take, in bytes (text + data); no limit when unset. */
    @Parameter(property = "hark.flashBudget")
    Long flashBudget;

    /** Most static RAM the firmware may take, in bytes (data + bss); no limit when unset. */
    @Parameter(property = "hark.ramBudget")
    Long ramBudget;

    /** Where the firmware is built. */
    @Parameter(property = "hark.firmwareDirectory", defaultValue = "${project.build.directory}/hark-firmware",
            required = true)
    File firmwareDirectory;

    @Override
    public void execute() throws MojoFailureException {
        if (skipped()) {
            return;
        }
        List<Target> boards = boardTargets();
        checkBudget("flashBudget", flashBudget);
        checkBudget("ramBudget", ramBudget);
        KernelLibrary kernels = kernels();
        SourcesGeneration.Outcome sources = generateSources(kernels);
        Rounding rounding = rounding();
        List<String> overBudget = new ArrayList<>();
        for (Target target : boards) {
            FirmwareBuild.Result built = build(sources, target, kernels, rounding);
            SizeReport size = built.size().orElseThrow(() -> new IllegalStateException(target + " is a board but its"
                    + " build measured no size"));
            getLog().info(target.makeName() + " firmware with " + built.kernelsAndRounding() + ": " + size);
            if (flashBudget != null && size.flash() > flashBudget) {
                overBudget.add(target.makeName() + " flash " + size.flash() + " bytes > flashBudget " + flashBudget);
            }
            if (ramBudget != null && size.ram() > ramBudget) {
                overBudget.add(target.makeName() + " RAM " + size.ram() + " bytes > ramBudget " + ramBudget);
            }
        }
        if (!overBudget.isEmpty()) {
            throw new MojoFailureException("The firmware is over budget: " + String.join(", ", overBudget) + ".");
        }
    }

    /** The boards among the targets parameter, or a failure naming a bad value. */
    List<Target> boardTargets() throws MojoFailureException {
        String known = Arrays.stream(Target.values()).map(Target::name).collect(Collectors.joining(", "));
        List<Target> boards = new ArrayList<>();
        for (String name : targets == null ? List.<String>of() : targets) {
            Target target = Arrays.stream(Target.values()).filter(t -> t.name().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new MojoFailureException("The parameter targets names an unknown target '"
                            + name + "': use " + known + "."));
            if (target.isEmulated()) {
                boards.add(target);
            }
        }
        if (boards.isEmpty()) {
            String withFlash = Arrays.stream(Target.values()).filter(Target::isEmulated).map(Target::name)
                    .collect(Collectors.joining(", "));
            throw new MojoFailureException("The parameter targets names no board, so there is no flash or RAM to"
                    + " measure: add one of " + withFlash + ".");
        }
        return boards;
    }

    private static void checkBudget(String name, Long budget) throws MojoFailureException {
        if (budget != null && budget <= 0) {
            throw new MojoFailureException("The parameter " + name + " must be a positive number of bytes, not "
                    + budget + ".");
        }
    }

    /** The firmware must be compiled for the rounding mode the model was quantized for. */
    private Rounding rounding() throws MojoFailureException {
        try {
            return ModelFile.read(model.toPath()).rounding();
        } catch (IOException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private FirmwareBuild.Result build(SourcesGeneration.Outcome sources, Target target, KernelLibrary kernels,
                                       Rounding rounding) throws MojoFailureException {
        try {
            FirmwareProject project = FirmwareProject.create(firmwareDirectory.toPath())
                    .copyGeneratedSources(sources.outputDirectory());
            return FirmwareBuild.of(project, target).optRounding(rounding).optKernels(kernels).build();
        } catch (FirmwareRunException e) {
            throw failure(e, getLog());
        }
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
