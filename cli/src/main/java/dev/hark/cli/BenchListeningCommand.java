package dev.hark.cli;

import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.Tools;
import dev.hark.pipeline.bench.LeanCost;
import dev.hark.pipeline.bench.ListeningBenchmark;
import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.sim.program.Lowering;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
final class BenchListeningCommand extends Subcommand {
    @Option(names = {"-m", "--model"}, required = true,
            description = "Quantized model file (.hark); repeat it for one row per model.")
    List<Path> models;

    @Mixin
    BenchSettingsOptions measuring;

    @Option(names = "--target", defaultValue = "mps2-an386", converter = TargetName.class,
            completionCandidates = TargetName.class,
            description = "The emulated board to measure on (default: ${DEFAULT-VALUE}). The benchmark programs need"
                    + " the RAM of the MPS2 images (mps2-an385, mps2-an386, mps2-an500, mps2-an505); with --lean-only,"
                    + " any emulated board (netduinoplus2's cycle counter is not emulated: sizes and stack only).")
    Target target;

    @Option(names = "--lean-only", description = "Measure the lean listening firmware alone, which fits every"
            + " emulated board (the benchmark programs hold a minute of audio): flash, RAM, peak stack, instructions"
            + " per inference and per second of audio; one table row per model.")
    boolean leanOnly;

    @Option(names = {"-o", "--out"}, defaultValue = "build/bench-listening",
            description = "Folder for the firmware projects and the runs' logs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ListeningBenchmark.Settings settings = measuring.settings();
        List<ListeningBenchmark.NamedModel> named = new ArrayList<>();
        for (Path model : models) {
            named.add(new ListeningBenchmark.NamedModel(ModelInput.name(model), ModelInput.read(model)));
        }
        if (!target.isEmulated()) {
            throw new HarkException(ExitCode.BAD_INPUT, "--target must be a board QEMU emulates, not "
                    + target.makeName());
        }
        if (!leanOnly) {
            // Before the tools: a board the benchmark's buffers do not fit is refused whatever is installed.
            ListeningBenchmark.benchProblem(target.board().orElseThrow()).ifPresent(problem -> {
                throw new HarkException(ExitCode.BAD_INPUT, problem);
            });
        }
        Tools.requireToBuildAndRun(target);
        if (leanOnly) {
            List<LeanCost> costs = new ArrayList<>();
            for (ListeningBenchmark.NamedModel m : named) {
                costs.add(ListeningBenchmark.measureLean(out.toAbsolutePath(), target, settings.cmsisNn(), m.name(),
                        m.model(), measuring.attentionWindow().orElseGet(() -> Lowering.defaultAttentionWindow(
                                m.model())), System.err));
            }
            out().print(LeanCost.table(costs));
            out().flush();
            return ExitCode.OK.code();
        }
        ListeningBenchmark bench = new ListeningBenchmark(out.toAbsolutePath(), target, settings, System.err);
        out().print(bench.report(named, measuring.attentionWindow()));
        out().flush();
        return ExitCode.OK.code();
    }
}
