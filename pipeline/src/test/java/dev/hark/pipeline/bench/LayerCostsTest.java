package dev.hark.pipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.BenchmarkOutput;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.ProgramCounts;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class LayerCostsTest {
    private static final KernelProgram PROGRAM = Lowering.lower(RandomModels.defaultSize(3));

    /** A re-scoring output of 10 runs in which trace i took (i + 1) * 100 ticks of 40 instructions. */
    private static BenchmarkOutput rescoring(int layers) {
        StringBuilder out = new StringBuilder("program hark_rescore_bench\ninstructions_per_tick 40\nruns 10\n");
        out.append("layer_count ").append(layers).append('\n');
        for (int i = 0; i < layers; i++) {
            out.append("layer_").append(i).append("_ticks ").append((i + 1) * 100).append('\n');
        }
        return BenchmarkOutput.parse(out.append("end 0\n").toString());
    }

    @Test
    void everyCallCountsTowardTheTraceAfterIt() {
        LayerCosts costs = LayerCosts.of(PROGRAM, rescoring(PROGRAM.traces().size()));

        assertEquals(PROGRAM.traces().size(), costs.layers().size());
        assertEquals(ProgramCounts.of(PROGRAM).macs(), costs.macs());
        assertEquals("conv", costs.layers().get(0).name());
        assertEquals(ProgramCounts.cost(PROGRAM, PROGRAM.calls().get(0)).macs(), costs.layers().get(0).macs());
        assertEquals(400.0, costs.layers().get(0).instructions(), 1e-9, "100 ticks of 40 over 10 runs");
        assertEquals(800.0, costs.layers().get(1).instructions(), 1e-9);
    }

    @Test
    void theLastLineIsTheWholeNetwork() {
        LayerCosts costs = new LayerCosts(List.of(new LayerCosts.Layer("conv", 1000, 3000),
                new LayerCosts.Layer("probs", 0, 500)));

        List<String> lines = costs.format("teacher", "mps2-an386", "portable").lines().toList();

        assertTrue(lines.get(2).matches("conv +1,000 +3,000 +3\\.00"), lines.get(2));
        assertTrue(lines.get(3).matches("probs +0 +500 +-"), lines.get(3));
        assertEquals("whole network: 3500 instructions, 1000 MACs, 3.50 instr/MAC (mps2-an386, portable)",
                lines.get(lines.size() - 1));
    }

    @Test
    void refusesLayersThatAreNotTheProgramsTraces() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerCosts.of(PROGRAM, rescoring(PROGRAM.traces().size() - 1)));
        assertTrue(e.getMessage().contains("layers"), e.getMessage());
    }
}
