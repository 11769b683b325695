package dev.hark.cli;

import dev.hark.firmware.run.Tools;
import dev.hark.firmware.run.Target;
import dev.hark.pipeline.bench.ListeningBenchmark;
import dev.hark.pipeline.bench.ListeningCost;
import dev.hark.pipeline.bench.ListeningCostTable;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hark bench-listening}: what the listening firmware costs on a Cortex-M4 (mps2-an386 under QEMU), one row
 * per model: instructions per second of audio by stage, the share of an 80 MHz core, streaming against re-scoring
 * with the whole-clip network, and flash, RAM and peak stack of a lean build.
 */
@Command(name = "bench-listening",
        description = "Measure the listening firmware on a Cortex-M4 (mps2-an386 under QEMU -icount shift=0): "
                + "instructions per second of audio (front end, network, detection), streaming against re-scoring "
                + "a clip every 80 ms, and flash, RAM and peak stack of a lean build; prints a table, then each "
                + "model's whole-clip network by layer: MACs, instructions, instructions per MAC.")
final class BenchListeningCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true,
            description = "Quantized model file (.hark); repeat it for one row per model.")
    List<Path> models;

    @Option(names = "--attention-window",
            description = "Steps the streaming attention pools over (default: each model's clip steps).")
    Integer attentionWindow;

    @Option(names = "--seconds", defaultValue = "" + ListeningBenchmark.DEFAULT_SECONDS,
            description = "Seconds of audio measured, 1 to " + ListeningBenchmark.MAX_SECONDS
                    + " (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--chunk-samples", defaultValue = "" + ListeningBenchmark.DEFAULT_CHUNK_SAMPLES,
            description = "Samples per call of the engine, 1 to " + ListeningBenchmark.MAX_CHUNK_SAMPLES
                    + " (default: ${DEFAULT-VALUE}, 10 ms).")
    int chunkSamples;

    @Option(names = "--rescore-hop-frames", defaultValue = "" + ListeningBenchmark.DEFAULT_RESCORE_HOP_FRAMES,
            description = "Frames between two re-scorings of the whole-clip network (default: ${DEFAULT-VALUE}, "
                    + "80 ms).")
    int rescoreHopFrames;

    @Option(names = "--cmsis-nn", description = "A checkout of ARM-software/CMSIS-NN to build with (default: "
            + "hark's portable subset).")
    Path cmsisNn;

    @Option(names = "--target", defaultValue = "mps2-an386", converter = TargetName.class,
            completionCandidates = TargetName.class,
            description = "The emulated board to measure on (default: ${DEFAULT-VALUE}); one with benchmark services "
                    + "(a timer QEMU counts instructions with): mps2-an385, mps2-an386, mps2-an500 or mps2-an505.")
    Target target;

    @Option(names = {"-o", "--out"}, defaultValue = "build/bench-listening",
            description = "Folder for the firmware projects and the runs' logs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        require(seconds >= 1 && seconds <= ListeningBenchmark.MAX_SECONDS,
                "--seconds must be 1 to " + ListeningBenchmark.MAX_SECONDS + ", got " + seconds);
        require(chunkSamples >= 1 && chunkSamples <= ListeningBenchmark.MAX_CHUNK_SAMPLES,
                "--chunk-samples must be 1 to " + ListeningBenchmark.MAX_CHUNK_SAMPLES + ", got " + chunkSamples);
        require(rescoreHopFrames >= 1, "--rescore-hop-frames must be at least 1, got " + rescoreHopFrames);
        require(attentionWindow == null || attentionWindow >= 1,
                "--attention-window must be at least 1, got " + attentionWindow);
        ListeningBenchmark.Settings settings = new ListeningBenchmark.Settings(seconds, chunkSamples,
                rescoreHopFrames, Optional.ofNullable(cmsisNn));
        List<QuantizedModel> quantized = new ArrayList<>();
        for (Path model : models) {
            quantized.add(ModelInput.read(model));
        }
        require(target.isEmulated(), "--target must be a board QEMU emulates, not " + target.makeName());
        Tools.requireToBuildAndRun(target);
        ListeningBenchmark bench = new ListeningBenchmark(out.toAbsolutePath(), target, settings, System.err);
        List<ListeningCost> costs = new ArrayList<>();
        List<String> layerTables = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            QuantizedModel model = quantized.get(i);
            int window = attentionWindow != null ? attentionWindow : Lowering.defaultAttentionWindow(model);
            ListeningBenchmark.Measured measured = bench.measureByLayer(name(models.get(i)), model, window);
            costs.add(measured.cost());
            layerTables.add(measured.layers().format(name(models.get(i)), target.makeName(), settings.library()));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ListeningCostTable.format(settings.describe(target), costs));
        for (String table : layerTables) {
            stdout.println();
            stdout.print(table);
        }
        stdout.flush();
        return ExitCode.OK.code();
    }

    /** The model's file name without its extension. */
    private static String name(Path model) {
        String file = model.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new HarkException(ExitCode.BAD_INPUT, problem);
        }
    }
}
