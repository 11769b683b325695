package dev.hark.firmware.run;

import dev.hark.sim.io.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a program of a {@link FirmwareProject} (the harness unless {@link #optProgram} says otherwise) for one
 * {@link Target} with the template's Makefile:
 * <pre>
 * make -f &lt;project&gt;/Makefile TARGET=&lt;target&gt; GENERATED_DIR=&lt;project&gt;/generated
 *      BUILD_DIR=&lt;project&gt;/build/&lt;target&gt; [EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING]
 *      [CMSIS_NN_DIR=&lt;checkout&gt;] &lt;goal&gt;
 * </pre>
 * The tools are looked up first, so a missing compiler is reported by name ({@link MissingToolException}) instead
 * of as a make error. make's output is kept in {@code build/<target>/make.log} and returned.
 *
 * <pre>
 * FirmwareBuild.Result arm = FirmwareBuild.of(project, Target.MPS2_AN386).optSingleRounding(false).build();
 * </pre>
 */
public final class FirmwareBuild {
    /** Default limit for one build. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /**
     * A finished build.
     *
     * @param target     what it was built for
     * @param program    what was built
     * @param executable the program (an ELF image for emulated targets)
     * @param log        everything make printed
     * @param size       the image's memory use, for targets built with a size tool (boards)
     */
    public record Result(Target target, Program program, Path executable, String log, Optional<SizeReport> size) {
    }

    private final FirmwareProject project;
    private final Target target;
    private Program program = Program.HARNESS;
    private boolean singleRounding;
    private Path cmsisNn;
    private Duration timeout = DEFAULT_TIMEOUT;

    private FirmwareBuild(FirmwareProject project, Target target) {
        this.project = project;
        this.target = target;
    }

    public static FirmwareBuild of(FirmwareProject project, Target target) {
        return new FirmwareBuild(project, target);
    }

    /** Builds with the defaults: double rounding, {@link #DEFAULT_TIMEOUT}. */
    public static Result build(FirmwareProject project, Target target) throws FirmwareRunException {
        return of(project, target).build();
    }

    /**
     * Builds CMSIS-NN with {@code CMSIS_NN_USE_SINGLE_ROUNDING}; must match the model's rounding mode (the
     * generated code refuses to compile otherwise). Default false.
     */
    public FirmwareBuild optSingleRounding(boolean singleRounding) {
        this.singleRounding = singleRounding;
        return this;
    }

    /**
     * Builds against a checkout of the real CMSIS-NN (ARM-software/CMSIS-NN) instead of the template's portable
     * subset. Default: the portable subset.
     *
     * @throws IllegalArgumentException naming the folder if it is not a CMSIS-NN checkout
     */
    public FirmwareBuild optCmsisNn(Path checkout) {
        if (!Files.isRegularFile(checkout.resolve("Include").resolve("arm_nnfunctions.h"))) {
            throw new IllegalArgumentException(checkout + ": not a CMSIS-NN checkout (no Include/arm_nnfunctions.h)");
        }
        this.cmsisNn = checkout.toAbsolutePath().normalize();
        return this;
    }

    /** The program to build. Default {@link Program#HARNESS}. */
    public FirmwareBuild optProgram(Program program) {
        this.program = program;
        return this;
    }

    /** Limit for the whole make run. Default {@link #DEFAULT_TIMEOUT}. */
    public FirmwareBuild optTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * @throws MissingToolException if make, the compiler or the size tool is not installed
     * @throws FirmwareRunException if the generated sources are missing, make fails (the message carries the end
     *                              of its output) or times out, or the executable did not appear
     * @throws IllegalArgumentException if the program is the lean firmware and the target is not a board
     */
    public Result build() throws FirmwareRunException {
        if (program == Program.LISTEN_LEAN && !target.isEmulated()) {
            throw new IllegalArgumentException("the lean listening firmware is built for a board, not for "
                    + target.makeName());
        }
        String required = program.requiredGeneratedFile();
        if (!Files.isRegularFile(project.generatedDirectory().resolve(required))) {
            throw new FirmwareRunException(project.generatedDirectory() + ": no generated " + required + " to build "
                    + program.goal() + " with");
        }
        for (String tool : target.buildTools()) {
            Tools.require(tool, "to build the firmware for " + target.makeName());
        }
        Path buildDir = project.buildDirectory(target);
        List<String> command = new ArrayList<>(List.of("make", "-f", project.directory().resolve("Makefile").toString(),
                "TARGET=" + target.makeName(), "GENERATED_DIR=" + project.generatedDirectory(),
                "BUILD_DIR=" + buildDir));
        if (singleRounding) {
            command.add("EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING");
        }
        if (cmsisNn != null) {
            command.add("CMSIS_NN_DIR=" + cmsisNn);
        }
        command.add(program.goal());
        ProcessRunner.Finished make = Tools.run(command, project.directory(), buildDir.resolve("make.log"), timeout);
        if (make.exitCode() != 0) {
            throw new FirmwareRunException("make TARGET=" + target.makeName() + " failed with exit status "
                    + make.exitCode() + ":\n" + make.tail());
        }
        Path executable = buildDir.resolve(target.executableFile(program));
        if (!Files.isRegularFile(executable)) {
            throw new FirmwareRunException("make TARGET=" + target.makeName() + " succeeded but did not produce "
                    + executable);
        }
        Optional<SizeReport> size = Optional.empty();
        if (target.isEmulated()) {
            size = Optional.of(size(executable, buildDir));
        }
        return new Result(target, program, executable, make.output(), size);
    }

    private SizeReport size(Path executable, Path buildDir) throws FirmwareRunException {
        ProcessRunner.Finished size = Tools.run(List.of("arm-none-eabi-size", executable.toString()), buildDir,
                buildDir.resolve("size.log"), Duration.ofMinutes(1));
        if (size.exitCode() != 0) {
            throw new FirmwareRunException("arm-none-eabi-size " + executable + " failed:\n" + size.tail());
        }
        try {
            return SizeReport.parse(size.output());
        } catch (IllegalArgumentException e) {
            throw new FirmwareRunException("arm-none-eabi-size " + executable + ": " + e.getMessage(), e);
        }
    }
}
