package dev.hark.pipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Qemu;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end on mps2-an386 for small random models of the front end's 40 mel bins, one per rounding:
 * every program builds, runs and reports, and the figures fit together. What they are is not tested (the
 * benchmark exists to measure it).
 */
@Qemu
class ListeningBenchmarkTest {
    private static final long STACK_SIZE = Target.MPS2_AN386.board().orElseThrow().stackSize();

    @TempDir
    Path dir;

    @Test
    void everyProgramRunsAndTheFiguresFitTogether() throws Exception {
        CrnnConfig shape = CrnnConfig.builder().optFrames(30).optMels(40).optConvChannels(2).optKernelTime(6)
                .optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(1).build();
        ListeningBenchmark.Settings settings = new ListeningBenchmark.Settings(2, 333, 8, Optional.empty());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ListeningBenchmark bench = new ListeningBenchmark(dir, Target.MPS2_AN386, settings,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        for (Rounding rounding : Rounding.values()) {
            QuantizedModel model = RandomModels.create(shape, 11, rounding);
            int window = Lowering.defaultAttentionWindow(model);
            ListeningCost cost;
            try {
                cost = bench.measure(rounding.name(), model, window);
            } catch (MissingToolException e) {
                Assumptions.abort(e.getMessage());
                return;
            }
            String what = rounding + ": " + cost;
            assertEquals(2, cost.seconds(), what);
            assertEquals(4, cost.hopFrames(), what);
            assertEquals(8, cost.rescoreHopFrames(), what);
            assertTrue(cost.frontEnd() > 0 && cost.network() > 0 && cost.detection() > 0 && cost.rescoring() > 0,
                    what);
            assertTrue(cost.total() > cost.frontEnd() + cost.network() + cost.detection(),
                    "the stages alone add up to less than the engine that runs them: " + what);
            int streamingArena = CodeGenerator.generateStreaming(model,
                    new CodegenConfig().withOutputDirectory(dir.resolve("arena-" + rounding).toString()), window)
                    .arenaBytes();
            assertTrue(cost.ram() > streamingArena, "the lean firmware's RAM holds the arena: " + what);
            assertTrue(cost.flash() > model.parameterCount(), "its flash holds the weights: " + what);
            assertTrue(cost.stackPeak() > 0 && cost.stackPeak() < STACK_SIZE, what);
            assertEquals(rounding.name(), cost.model());
        }
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("bench-listening: DOUBLE: running under QEMU"));
    }

    @Test
    void theReportIsTheCostTableThenEachModelsLayers() throws Exception {
        CrnnConfig shape = CrnnConfig.builder().optFrames(30).optMels(40).optConvChannels(2).optKernelTime(6)
                .optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(1).build();
        QuantizedModel model = RandomModels.create(shape, 5, Rounding.DOUBLE);
        ListeningBenchmark.Settings settings = new ListeningBenchmark.Settings(1, 160, 8, Optional.empty());
        ListeningBenchmark bench = new ListeningBenchmark(dir, Target.MPS2_AN386, settings,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String report;
        try {
            report = bench.report(List.of(new ListeningBenchmark.NamedModel("first", model),
                    new ListeningBenchmark.NamedModel("second", model)), OptionalInt.empty());
        } catch (MissingToolException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        String blank = System.lineSeparator() + System.lineSeparator();
        int firstLayers = report.indexOf(blank + "first: one whole-clip run by layer");
        int secondLayers = report.indexOf(blank + "second: one whole-clip run by layer");
        assertTrue(report.startsWith(settings.describe(Target.MPS2_AN386)), report);
        assertTrue(firstLayers > 0 && secondLayers > firstLayers, report);
        String costTable = report.substring(0, firstLayers);
        assertTrue(costTable.contains("first") && costTable.contains("second"), report);
    }

    @Test
    void theHostCountsNoInstructionsSoItIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ListeningBenchmark(dir,
                Target.HOST, ListeningBenchmark.Settings.defaults(), System.err));
        assertTrue(e.getMessage().contains("not on host"), e.getMessage());
    }
}
