package dev.hark.firmware.run;

import dev.hark.firmware.KernelLibrary;
import dev.hark.sim.io.Directories;
import dev.hark.sim.io.ProcessRunner;
import dev.hark.sim.kernels.Rounding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a program of a {@link FirmwareProject} (the harness unless {@link #optProgram} says otherwise) for one
 * {@link Target} with the template's Makefile:
 * <pre>
 * make -f &lt;project&gt;/Makefile TARGET=&lt;target&gt; GENERATED_DIR=&lt;project&gt;/generated
 *      BUILD_DIR=&lt;project&gt;/build/&lt;target&gt; CMSIS_NN_DIR=[&lt;checkout&gt;]
 *      [EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING] &lt;goal&gt;
 * </pre>
 * {@code CMSIS_NN_DIR} is always on the command line, empty for the portable subset, so an environment variable of
 * that name never chooses the kernel library ({@link KernelLibrary}).
 * The tools are looked up first, so a missing compiler is reported by name ({@link MissingToolException}) instead
 * of as a make error. make's output is kept in {@code build/<target>/make.log} and returned.
 *
 * <pre>
 * FirmwareBuild.Result arm = FirmwareBuild.of(project, Target.MPS2_AN386).optRounding(Rounding.SINGLE).build();
 * </pre>
 */
public final class FirmwareBuild {
    /** Default limit for one build. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** In a target's build directory while make runs there ({@link #startMake}). */
    static final String MAKE_RUNNING = "make-running";

    /** The message of the linker script's check that the stack stays clear of the heap ({@code cortex_m.ld}). */
    private static final String STACK_CHECK = "exceed the board's DATA memory";
    /** GNU ld's line for an overflowed memory region: {@code region `DATA' overflowed by 2928 bytes}. */
    private static final Pattern OVERFLOW = Pattern.compile("region [`']?(\\w+)'? overflowed by (\\d+) bytes");

    /**
     * A finished build.
     *
     * @param target     what it was built for
     * @param program    what was built
     * @param executable the program (an ELF image for emulated targets)
     * @param log        everything make printed
     * @param size       the image's memory use, for targets built with a size tool (boards)
     * @param kernels    the CMSIS-NN it was built against
     * @param rounding   the requantization rounding CMSIS-NN was built for
     */
    public record Result(Target target, Program program, Path executable, String log, Optional<SizeReport> size,
                         KernelLibrary kernels, Rounding rounding) {
        /** What it was built with, for logs and reports: e.g. "the portable CMSIS-NN subset, double rounding". */
        public String kernelsAndRounding() {
            return kernels + ", " + rounding.name().toLowerCase(Locale.ROOT) + " rounding";
        }

        /**
         * A board image's flash and RAM by component, from the linker map the build writes beside it
         * ({@code <image>.map}); empty for the host.
         *
         * @throws FirmwareRunException if the map cannot be read or is not a linker map
         */
        public Optional<MemoryMap> memoryMap() throws FirmwareRunException {
            if (target.board().isEmpty()) {
                return Optional.empty();
            }
            Path map = executable.resolveSibling(executable.getFileName() + ".map");
            try {
                return Optional.of(MemoryMap.parse(Files.readString(map), target.board().get().ram()));
            } catch (IOException | IllegalArgumentException e) {
                throw new FirmwareRunException(map + ": cannot read the linker map: " + e.getMessage(), e);
            }
        }
    }

    private final FirmwareProject project;
    private final Target target;
    private Program program = Program.HARNESS;
    private Rounding rounding = Rounding.DOUBLE;
    private KernelLibrary kernels = KernelLibrary.portable();
    private Duration timeout = DEFAULT_TIMEOUT;

    private FirmwareBuild(FirmwareProject project, Target target) {
        this.project = project;
        this.target = target;
    }

    public static FirmwareBuild of(FirmwareProject project, Target target) {
        return new FirmwareBuild(project, target);
    }

    /** Builds with the defaults: the portable subset, double rounding, {@link #DEFAULT_TIMEOUT}. */
    public static Result build(FirmwareProject project, Target target) throws FirmwareRunException {
        return of(project, target).build();
    }

    /**
     * The rounding CMSIS-NN is built for ({@code CMSIS_NN_USE_SINGLE_ROUNDING} for {@link Rounding#SINGLE}); must
     * match the model's (the generated code refuses to compile otherwise). Default {@link Rounding#DOUBLE}.
     */
    public FirmwareBuild optRounding(Rounding rounding) {
        this.rounding = rounding;
        return this;
    }

    /** The CMSIS-NN to build against. Default {@link KernelLibrary#portable()}. */
    public FirmwareBuild optKernels(KernelLibrary kernels) {
        this.kernels = kernels;
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
     * @throws IllegalArgumentException if the program is built for boards only (the lean or the product firmware)
     *                                  and the target is not a board
     */
    public Result build() throws FirmwareRunException {
        if (program.boardOnly() && target.isHost()) {
            throw new IllegalArgumentException("the " + (program == Program.PRODUCT ? "product" : "lean listening")
                    + " firmware is built for a board, not for " + target.makeName());
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
        List<String> command = makeCommand();
        BuildMark mark = BuildMark.ofThisProcess();
        Path running = startMake(buildDir, mark);
        ProcessRunner.Finished make = Tools.run(command, project.directory(), buildDir.resolve("make.log"), timeout,
                process -> mark.withMake(process).write(running));
        endMake(running);
        if (make.exitCode() != 0) {
            Optional<String> overflow = overflow(make.output()).or(() -> stackOverHeap(make.output(),
                    readMap(buildDir.resolve(target.executableFile(program) + ".map"))));
            if (overflow.isPresent()) {
                throw new DoesNotFitException("the " + program.goal() + " firmware does not fit " + target.makeName()
                        + ": " + overflow.get() + " (make TARGET=" + target.makeName() + ", its log: "
                        + buildDir.resolve("make.log") + ")", make.tail());
            }
            throw new FirmwareRunException("make TARGET=" + target.makeName() + " failed with exit status "
                    + make.exitCode() + ":\n" + make.tail());
        }
        Path executable = buildDir.resolve(target.executableFile(program));
        if (!Files.isRegularFile(executable)) {
            throw new FirmwareRunException("make TARGET=" + target.makeName() + " succeeded but did not produce "
                    + executable);
        }
        Optional<SizeReport> size = Optional.empty();
        if (!target.isHost()) {
            size = Optional.of(size(executable, buildDir));
        }
        return new Result(target, program, executable, make.output(), size, kernels, rounding);
    }

    /**
     * What the linker said when the image overflowed a memory region, e.g. {@code region DATA overflowed by 2,928
     * bytes}, each region once; empty when it did not.
     */
    static Optional<String> overflow(String makeOutput) {
        Matcher m = OVERFLOW.matcher(makeOutput);
        Map<String, Long> regions = new LinkedHashMap<>();
        while (m.find()) {
            regions.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
        }
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(regions.entrySet().stream().map(e -> String.format(Locale.ROOT,
                "region %s overflowed by %,d bytes", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
    }

    /**
     * When the linker's check that the stack stays clear of the heap failed (the sections fit the region but the
     * heap and stack the descriptor reserves do not), by how much, from the image's linker map; empty otherwise.
     */
    static Optional<String> stackOverHeap(String makeOutput, Optional<String> map) {
        if (!makeOutput.contains(STACK_CHECK) || map.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> dataStart = mapSymbol(map.get(), "__data_start__");
        Optional<Long> heapStart = mapSymbol(map.get(), "__heap_start__");
        Optional<Long> heapEnd = mapSymbol(map.get(), "__heap_end__");
        Optional<Long> stackLimit = mapSymbol(map.get(), "__stack_limit__");
        Optional<Long> stackTop = mapSymbol(map.get(), "__stack_top__");
        if (dataStart.isEmpty() || heapStart.isEmpty() || heapEnd.isEmpty() || stackLimit.isEmpty()
                || stackTop.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "its data and bss (%,d bytes), %,d-byte heap and %,d-byte stack"
                        + " need %,d bytes and the board's RAM has %,d: %,d bytes too many",
                heapStart.get() - dataStart.get(), heapEnd.get() - heapStart.get(), stackTop.get() - stackLimit.get(),
                heapEnd.get() - dataStart.get() + stackTop.get() - stackLimit.get(), stackTop.get() - dataStart.get(),
                heapEnd.get() - stackLimit.get()));
    }

    /** The address a linker map gives a symbol assigned in the linker script ({@code 0x... name = ...}). */
    private static Optional<Long> mapSymbol(String map, String symbol) {
        Matcher m = Pattern.compile("^\\s+0x([0-9a-fA-F]+)\\s+" + Pattern.quote(symbol) + " = ", Pattern.MULTILINE)
                .matcher(map);
        return m.find() ? Optional.of(Long.parseLong(m.group(1), 16)) : Optional.empty();
    }

    private static Optional<String> readMap(Path map) {
        try {
            return Files.isRegularFile(map) ? Optional.of(Files.readString(map)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // the make output still says the image does not fit, without the figures
        }
    }

    /**
     * The image does not fit the board: a region overflowed or the stack would run into the heap. The message's
     * first line says by how much.
     */
    public static final class DoesNotFitException extends FirmwareRunException {
        private final String summary;

        /**
         * @param summary one line: what does not fit and by how much
         * @param tail    the end of make's output
         */
        public DoesNotFitException(String summary, String tail) {
            super(summary + ":\n" + tail);
            this.summary = summary;
        }

        /** The message's first line, without make's output. */
        public String summary() {
            return summary;
        }
    }

    /**
     * Marks {@code buildDir} as being built ({@link BuildMark}: this process, then its make), first emptying it if
     * an earlier build never ended: a build killed mid-compile (SIGKILL, a timeout, power lost) can leave an object
     * half written yet newer than its source, which make would take as up to date and link. make's own end, success
     * or not, leaves consistent files. A make the earlier build left running is ended first, so that it cannot
     * write beside the new one; a build still alive there is refused.
     *
     * @return the mark, for {@link #endMake}
     */
    private static Path startMake(Path buildDir, BuildMark mark) throws FirmwareRunException {
        Path running = buildDir.resolve(MAKE_RUNNING);
        Optional<BuildMark> earlier = readMark(running);
        if (earlier.isPresent()) {
            earlier.get().endOrphanedMake(buildDir);
        }
        try {
            if (Files.exists(running)) {
                Directories.deleteRecursively(buildDir);
            }
            Files.createDirectories(buildDir);
            mark.write(running);
        } catch (IOException e) {
            throw new FirmwareRunException(buildDir + ": cannot prepare the build directory: " + e.getMessage(), e);
        }
        return running;
    }

    private static Optional<BuildMark> readMark(Path running) throws FirmwareRunException {
        try {
            return Files.exists(running) ? BuildMark.read(Files.readString(running)) : Optional.empty();
        } catch (IOException e) {
            throw new FirmwareRunException(running + ": cannot read the build's mark: " + e.getMessage(), e);
        }
    }

    private static void endMake(Path running) throws FirmwareRunException {
        try {
            Files.delete(running);
        } catch (IOException e) {
            throw new FirmwareRunException(running + ": cannot remove the build's mark: " + e.getMessage(), e);
        }
    }

    /** The make command line of this build. */
    List<String> makeCommand() {
        List<String> command = new ArrayList<>(List.of("make", "-f", project.directory().resolve("Makefile").toString(),
                "TARGET=" + target.makeName(), "GENERATED_DIR=" + project.generatedDirectory(),
                "BUILD_DIR=" + project.buildDirectory(target), kernels.makeVariable()));
        if (rounding == Rounding.SINGLE) {
            command.add("EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING");
        }
        command.add(program.goal());
        return command;
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
