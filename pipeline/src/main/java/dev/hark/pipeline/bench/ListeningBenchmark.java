package dev.hark.pipeline.bench;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.run.BenchmarkOutput;
import dev.hark.firmware.run.BenchmarkRunner;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.LeanRun;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Measures what listening with a model costs on a board: generates the model's streaming and whole-clip networks,
 * builds the listening benchmark, the re-scoring benchmark and the lean listening firmware, runs them under QEMU and
 * puts their figures together ({@link ListeningCost}).
 *
 * <p>It keeps two firmware projects in its directory, {@code streaming/} and {@code whole-clip/}, and measures any
 * number of models one after another in them (make recompiles only what a model changes).
 *
 * <pre>
 * ListeningBenchmark bench = new ListeningBenchmark(dir, Target.MPS2_AN386, ListeningBenchmark.Settings.defaults(),
 *         System.err);
 * ListeningCost teacher = bench.measure("teacher", model, Lowering.defaultAttentionWindow(model));
 * </pre>
 */
public final class ListeningBenchmark {
    /** The benchmark programs' limits and defaults (harness/hark_bench.h and the programs' sources). */
    public static final int MAX_SECONDS = 60;
    public static final int DEFAULT_SECONDS = 10;
    public static final int DEFAULT_CHUNK_SAMPLES = 160;
    public static final int MAX_CHUNK_SAMPLES = 16_000;
    public static final int DEFAULT_RESCORE_HOP_FRAMES = 8;
    /** The benchmark programs' warm-up before the measured audio (harness/hark_bench.h). */
    static final int WARMUP_SECONDS = 2;
    /**
     * The benchmark programs' static buffers whatever the model (harness/hark_bench.c): the longest audio they measure
     * with its warm-up, as 16-bit samples, and its feature frames.
     */
    static final long BUFFER_BYTES = benchBufferBytes();

    /**
     * How to measure.
     *
     * @param seconds          audio measured after the warm-up, 1 to {@value #MAX_SECONDS}
     * @param chunkSamples     samples per call of the engine and the front end, 1 to {@value #MAX_CHUNK_SAMPLES}
     * @param rescoreHopFrames frames between re-scorings, at least 1 and at most the clip's frames
     * @param cmsisNn          a checkout of the real CMSIS-NN to build with, or empty for the portable subset
     */
    public record Settings(int seconds, int chunkSamples, int rescoreHopFrames, Optional<Path> cmsisNn) {
        public Settings {
            if (seconds < 1 || seconds > MAX_SECONDS) {
                throw new IllegalArgumentException("seconds must be 1 to " + MAX_SECONDS + ", got " + seconds);
            }
            if (chunkSamples < 1 || chunkSamples > MAX_CHUNK_SAMPLES) {
                throw new IllegalArgumentException("chunk samples must be 1 to " + MAX_CHUNK_SAMPLES + ", got "
                        + chunkSamples);
            }
            if (rescoreHopFrames < 1) {
                throw new IllegalArgumentException("the re-scoring hop must be at least 1 frame, got "
                        + rescoreHopFrames);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_SECONDS, DEFAULT_CHUNK_SAMPLES, DEFAULT_RESCORE_HOP_FRAMES, Optional.empty());
        }

        /** The first line of a cost table measured with these settings on {@code target}. */
        public String describe(Target target) {
            return target.makeName() + " under QEMU -icount shift=0, " + library() + ", " + seconds
                    + " s of generated audio (1 kHz tone and noise) after a warm-up, in chunks of "
                    + chunkSamples + " samples";
        }

        /** The kernels measured, as the tables name them. */
        public String library() {
            return cmsisNn.isPresent() ? "CMSIS-NN at " + cmsisNn.get() : "portable CMSIS-NN subset";
        }
    }

    private final FirmwareProject streaming;
    private final FirmwareProject wholeClip;
    private final Path runDirectory;
    private final Target target;
    private final Settings settings;
    private final PrintStream progress;

    /**
     * @param directory created if missing; holds the projects and the runs' logs
     * @param target    a board: only under QEMU are instructions counted
     * @param progress  receives a line per build and run
     * @throws IllegalArgumentException if the target is the host
     * @throws FirmwareRunException     if the firmware template cannot be extracted
     */
    public ListeningBenchmark(Path directory, Target target, Settings settings, PrintStream progress)
            throws FirmwareRunException {
        if (!target.isEmulated()) {
            throw new IllegalArgumentException("listening is measured on a board under QEMU, not on "
                    + target.makeName());
        }
        benchProblem(target.board().orElseThrow()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.streaming = FirmwareProject.create(directory.resolve("streaming"));
        this.wholeClip = FirmwareProject.create(directory.resolve("whole-clip"));
        this.runDirectory = directory.toAbsolutePath().normalize().resolve("runs");
        this.target = target;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param name            the model's name in the table
     * @param attentionWindow steps the streaming attention pools over (ignored without attention)
     * @throws IllegalArgumentException if the model cannot stream
     * @throws IOException              if generating, building or running fails (a missing tool is a
     *                                  {@code MissingToolException})
     */
    public ListeningCost measure(String name, QuantizedModel model, int attentionWindow) throws IOException {
        return measureByLayer(name, model, attentionWindow).cost();
    }

    /**
     * A model's listening cost and what one run of its whole-clip network costs layer by layer.
     *
     * @param cost   as {@link #measure} gives it
     * @param layers the re-scoring benchmark's runs split by traced layer
     */
    public record Measured(ListeningCost cost, LayerCosts layers) {
    }

    /** {@link #measure}, and the whole-clip network's cost by layer from the same runs. */
    public Measured measureByLayer(String name, QuantizedModel model, int attentionWindow) throws IOException {
        progress.println("bench-listening: " + name + ": generating the streaming and whole-clip networks");
        CodeGenerator.generateStreaming(model,
                new CodegenConfig().withOutputDirectory(streaming.generatedDirectory().toString()), attentionWindow);
        CodeGenerator.generate(model, wholeClip.generatedDirectory());
        boolean single = model.rounding() == Rounding.SINGLE;

        progress.println("bench-listening: " + name + ": building for " + target.makeName());
        FirmwareBuild.Result listenBench = build(streaming, Program.LISTEN_BENCH, single);
        FirmwareBuild.Result lean = build(streaming, Program.LISTEN_LEAN, single);
        FirmwareBuild.Result rescoreBench = build(wholeClip, Program.RESCORE_BENCH, single);

        progress.println("bench-listening: " + name + ": running under QEMU");
        BenchmarkRunner runner = new BenchmarkRunner(runDirectory);
        List<String> arguments = List.of(Integer.toString(settings.seconds()),
                Integer.toString(settings.chunkSamples()));
        BenchmarkOutput listening = runner.run(listenBench, arguments);
        BenchmarkOutput rescoring = runner.run(rescoreBench, List.of(arguments.get(0), arguments.get(1),
                Integer.toString(settings.rescoreHopFrames())));
        LeanRun leanRun = runner.runLean(lean);
        try {
            return new Measured(ListeningCost.of(name, listening, rescoring, lean.size().orElseThrow(), leanRun),
                    LayerCosts.of(Lowering.lower(model), rescoring));
        } catch (IllegalArgumentException e) {
            throw new FirmwareRunException(name + ": " + e.getMessage(), e);
        }
    }

    /** A model as the tables name it. */
    public record NamedModel(String name, QuantizedModel model) {
    }

    /**
     * The report of {@code hark bench-listening}: the cost table of the models, in their order, then each one's
     * whole-clip network layer by layer.
     *
     * @param attentionWindow steps the streaming attention pools over; empty for each model's clip steps
     * @throws IOException as {@link #measureByLayer} does
     */
    public String report(List<NamedModel> models, OptionalInt attentionWindow) throws IOException {
        List<ListeningCost> costs = new ArrayList<>();
        StringBuilder layerTables = new StringBuilder();
        for (NamedModel named : models) {
            Measured measured = measureByLayer(named.name(), named.model(),
                    attentionWindow.orElseGet(() -> Lowering.defaultAttentionWindow(named.model())));
            costs.add(measured.cost());
            layerTables.append(System.lineSeparator())
                    .append(measured.layers().format(named.name(), target.makeName(), settings.library()));
        }
        return ListeningCostTable.format(settings.describe(target), costs) + layerTables;
    }

    /**
     * Why the benchmark programs cannot be built for {@code board}, decided before compiling: their audio buffers
     * alone need more RAM than the board's, less its stack and the programs' heap; empty when they may fit.
     */
    public static Optional<String> benchProblem(BoardDescriptor board) {
        long free = board.ram().size() - board.stackSize() - board.harnessHeapSize();
        if (BUFFER_BYTES <= free) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the listening benchmark does not fit the %s (%s): its %d s of"
                        + " audio and their frames take %,d bytes of RAM and the board's %,d leave %,d after the %,d-byte"
                        + " stack and the %,d-byte heap; --lean-only measures the lean listening firmware alone",
                board.title(), board.name(), WARMUP_SECONDS + MAX_SECONDS, BUFFER_BYTES, board.ram().size(),
                Math.max(0, free), board.stackSize(), board.harnessHeapSize()));
    }

    private static long benchBufferBytes() {
        long samples = (long) (WARMUP_SECONDS + MAX_SECONDS) * FrontendConfig.SAMPLE_RATE_HZ;
        long frames = (samples - FrontendConfig.PAD_SAMPLES) / FrontendConfig.HOP_SAMPLES + 1;
        return samples * Short.BYTES + frames * FrontendConfig.MEL_BINS;
    }

    /**
     * What the lean listening firmware alone costs on a board: its size, its peak stack and, where the board's
     * counter counts instructions, its instructions per second of audio and per inference ({@link LeanRun}).
     *
     * @param directory created if missing; holds the firmware project and the run's log
     * @throws IllegalArgumentException if the target is not emulated or the model cannot stream
     * @throws IOException              if generating, building or running fails
     */
    public static LeanCost measureLean(Path directory, Target target, Optional<Path> cmsisNn, String name,
                                       QuantizedModel model, int attentionWindow, PrintStream progress)
            throws IOException {
        if (!target.isEmulated()) {
            throw new IllegalArgumentException("listening is measured on a board under QEMU, not on "
                    + target.makeName());
        }
        FirmwareProject project = FirmwareProject.create(directory.resolve("lean"));
        progress.println("bench-listening: " + name + ": the lean listening firmware for " + target.makeName());
        CodeGenerator.generateStreaming(model,
                new CodegenConfig().withOutputDirectory(project.generatedDirectory().toString()), attentionWindow);
        FirmwareBuild.Result lean = FirmwareBuild.of(project, target).optProgram(Program.LISTEN_LEAN)
                .optRounding(model.rounding()).optKernels(KernelLibrary.of(cmsisNn.orElse(null))).build();
        LeanRun run = new BenchmarkRunner(directory.toAbsolutePath().normalize().resolve("runs")).runLean(lean);
        return new LeanCost(name, target, lean.size().orElseThrow(), run);
    }

    private FirmwareBuild.Result build(FirmwareProject project, Program program, boolean singleRounding)
            throws FirmwareRunException {
        FirmwareBuild build = FirmwareBuild.of(project, target).optProgram(program)
                .optRounding(singleRounding ? Rounding.SINGLE : Rounding.DOUBLE)
                .optKernels(KernelLibrary.of(settings.cmsisNn().orElse(null)));
        return build.build();
    }
}
