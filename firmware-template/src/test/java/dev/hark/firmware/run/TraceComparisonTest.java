package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparison logic on traces built in memory (the end-to-end test in codegen runs real firmware). */
@Fast
class TraceComparisonTest {
    private final QuantizedModel model = RandomModels.tiny(5);
    private final List<byte[]> features = RandomModels.features(model, 3, 8);
    private final List<String> ids = List.of("a", "b", "c");

    @Test
    void identicalTracesHaveNoDifference() {
        TraceComparison.Result result = TraceComparison.compare(model, features, ids, firmwareFromSimulator());
        assertTrue(result.identical(), result.summary());
        assertEquals(3, result.clips());
        assertEquals(model.tracedTensors().size(), result.layers());
        long perClip = model.tracedTensors().stream().mapToLong(Layer.TracedTensor::size).sum();
        assertEquals(3 * perClip, result.bytesCompared());
        assertTrue(result.firstDifference().isEmpty());
    }

    @Test
    void reportsTheFirstDifferenceWithItsStep() {
        HarnessTrace firmware = firmwareFromSimulator();
        // conv is [7 steps][5][2]: index 23 lies in step 2 (10 bytes per step).
        byte simulator = firmware.get(2, 0)[23];
        firmware.get(2, 0)[23] = (byte) (simulator + 1);
        firmware.get(2, 6)[1] = (byte) (firmware.get(2, 6)[1] - 1);
        TraceComparison.Result result = TraceComparison.compare(model, features, ids, firmware);
        assertFalse(result.identical());
        assertEquals(2, result.bytesDiffering());
        assertEquals(1L, result.differingByLayer().get("conv"));
        assertEquals(1L, result.differingByLayer().get("probs"));
        assertEquals(0L, result.differingByLayer().get("gru1"));
        assertEquals("clip 2 (c), layer conv, step 2, index 23: simulator " + simulator + ", firmware "
                + (byte) (simulator + 1), result.firstDifference().orElseThrow());
    }

    @Test
    void nonSequenceTensorsReportStepZero() {
        HarnessTrace firmware = firmwareFromSimulator();
        byte simulator = firmware.get(0, 4)[6];
        firmware.get(0, 4)[6] = (byte) ~simulator;
        TraceComparison.Result result = TraceComparison.compare(model, features, ids, firmware);
        assertEquals("clip 0 (a), layer attention.context, step 0, index 6: simulator " + simulator
                + ", firmware " + (byte) ~simulator, result.firstDifference().orElseThrow());
    }

    @Test
    void rejectsTracesOfOtherLayersOrClipCounts() {
        HarnessTrace firmware = firmwareFromSimulator();
        List<HarnessTrace.Layer> renamed = new ArrayList<>(firmware.layers());
        renamed.set(1, new HarnessTrace.Layer("gru_one", renamed.get(1).size()));
        HarnessTrace wrongLayers = new HarnessTrace(renamed, firmware.clips());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceComparison.compare(model, features, ids, wrongLayers));
        assertTrue(e.getMessage().contains("gru_one"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TraceComparison.compare(model, features.subList(0, 2), ids.subList(0, 2), firmware));
    }

    /** What a correct firmware would record: the simulator's own traces, copied. */
    private HarnessTrace firmwareFromSimulator() {
        NetworkSimulator simulator = new NetworkSimulator(model);
        List<List<byte[]>> clips = new ArrayList<>();
        for (byte[] clip : features) {
            Trace trace = simulator.run(clip);
            clips.add(trace.values().stream().map(byte[]::clone).toList());
        }
        List<HarnessTrace.Layer> layers = model.tracedTensors().stream()
                .map(t -> new HarnessTrace.Layer(t.name(), t.size())).toList();
        return new HarnessTrace(layers, clips);
    }
}
