package dev.hark.pipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.LeanRun;
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
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lean listening firmware measured on the boards whose benchmark services are their own (the micro:bit's nRF51
 * timer, the AN547's SSE-300 system counter) and on an MPS2 image: it runs, its counter passes its calibration
 * (LeanRun refuses otherwise) and the figures fit together. What they are is not tested.
 */
@Qemu
class LeanMeasurementTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"microbit", "mps3-an547", "mps2-an386"})
    void theLeanFirmwareCountsListeningAndInferenceOnTheBoard(String board) throws Exception {
        CrnnConfig shape = CrnnConfig.builder().optFrames(30).optMels(40).optConvChannels(2).optKernelTime(6)
                .optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(1).build();
        QuantizedModel model = RandomModels.create(shape, 3, Rounding.DOUBLE);
        Target target = Target.named(board);
        LeanCost cost;
        try {
            cost = ListeningBenchmark.measureLean(dir, target, Optional.empty(), "random", model,
                    Lowering.defaultAttentionWindow(model),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        } catch (MissingToolException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        LeanRun.Instructions counted = cost.run().instructions().orElseThrow(
                () -> new AssertionError(board + " counted no instructions"));
        assertTrue(counted.perInference() > model.parameterCount(), "a step reads every weight: " + cost);
        assertTrue(counted.listening() > counted.perInference() * cost.run().steps(),
                "listening runs the steps and the front end: " + cost);
        assertTrue(cost.run().stackPeak() > 0
                && cost.run().stackPeak() < target.board().orElseThrow().stackSize(), cost::toString);
        assertTrue(cost.size().ram() < target.board().orElseThrow().ram().size(), cost::toString);
        assertEquals(1, LeanCost.table(java.util.List.of(cost)).lines().filter(l -> l.startsWith("| random |"))
                .count());
    }
}
