package dev.hark.test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.firmware.run.HarnessTrace;
import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.ListenTrace;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The assertions pass on identical results and fail naming the first difference, compared as the firmware's are. */
@Fast
class HarkAssertionsTest {
    private static final QuantizedModel MODEL = RandomModels.tiny(11);

    /** The simulator's traces of two clips, as the harness would record them, with one byte changed if asked. */
    private static HarnessTrace harnessTrace(List<Trace> traces, int clip, String layer, int index) {
        List<Layer.TracedTensor> tensors = traces.get(0).tensors();
        List<HarnessTrace.Layer> layers = tensors.stream().map(t -> new HarnessTrace.Layer(t.name(), t.size()))
                .toList();
        List<List<byte[]>> clips = new ArrayList<>();
        for (int c = 0; c < traces.size(); c++) {
            List<byte[]> values = new ArrayList<>();
            for (int l = 0; l < tensors.size(); l++) {
                byte[] bytes = traces.get(c).values().get(l).clone();
                if (c == clip && tensors.get(l).name().equals(layer)) {
                    bytes[index]++;
                }
                values.add(bytes);
            }
            clips.add(values);
        }
        return new HarnessTrace(layers, clips);
    }

    private static List<Trace> simulated() {
        NetworkSimulator simulator = new NetworkSimulator(MODEL);
        return RandomModels.features(MODEL, 2, 12).stream().map(simulator::run).toList();
    }

    @Test
    void identicalTracesPass() {
        List<Trace> traces = simulated();
        TraceComparison.Result same = TraceComparison.compare(traces, List.of("a", "b"),
                harnessTrace(traces, -1, "", 0));
        assertDoesNotThrow(() -> HarkAssertions.assertBitExact(same));
    }

    @Test
    void aDifferingByteFailsNamingClipLayerStepAndIndex() {
        List<Trace> traces = simulated();
        Layer.TracedTensor gru = traces.get(0).tensors().stream().filter(t -> t.steps() > 1).findFirst()
                .orElseThrow();
        int perStep = gru.size() / gru.steps();
        int index = 2 * perStep + 1;
        TraceComparison.Result differing = TraceComparison.compare(traces, List.of("a", "b"),
                harnessTrace(traces, 1, gru.name(), index));
        byte expected = traces.get(1).values().get(traces.get(1).tensors().indexOf(gru))[index];

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> HarkAssertions.assertBitExact(differing));

        assertEquals("the firmware differs from the simulator at clip 1 (b), layer " + gru.name() + ", step 2, index "
                + index + ": simulator " + expected + ", firmware " + (byte) (expected + 1) + " (1 of "
                + differing.bytesCompared() + " bytes differ over 2 clips x " + differing.layers() + " layers)",
                e.getMessage());
    }

    @Test
    void aDifferentDetectionFailsTheListeningNamingIt() {
        List<KeywordEvent> simulator = List.of(new KeywordEvent(3, 8000, 200));
        List<KeywordEvent> firmware = List.of(new KeywordEvent(3, 8000, 201));
        ListenComparison.Result result = ListenComparison.compare(List.of(), List.of(), simulator,
                new ListenTrace(List.of(), List.of(), List.of(), firmware));

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> HarkAssertions.assertBitExact(result));

        assertEquals("the listening firmware differs from the simulator at detection 0: simulator "
                + simulator.get(0) + ", firmware " + firmware.get(0) + " (1 and 1 detections) (" + result.summary()
                + ")", e.getMessage());
    }

    @Test
    void detectionCountsAndListsAreComparedWithTheirTimes() {
        List<KeywordEvent> two = List.of(new KeywordEvent(30, 41_648, 252), new KeywordEvent(56, 74_928, 215));
        Listening heard = new Listening(new short[0], dev.hark.sim.detect.DetectionSettings.DEFAULT, List.of(),
                List.of(), List.of(), two);

        assertDoesNotThrow(() -> HarkAssertions.assertDetections(2, heard));
        AssertionFailedError count = assertThrows(AssertionFailedError.class,
                () -> HarkAssertions.assertDetections(1, heard));
        assertEquals("the simulator made 2 detections [step 30 at 2.603 s (score 252), step 56 at 4.683 s"
                + " (score 215)], expected 1", count.getMessage());

        AssertionFailedError list = assertThrows(AssertionFailedError.class,
                () -> HarkAssertions.assertDetections(two, two.subList(0, 1)));
        assertEquals("expected 2 detections [step 30 at 2.603 s (score 252), step 56 at 4.683 s (score 215)], got"
                + " 1 detection [step 30 at 2.603 s (score 252)]", list.getMessage());
        assertEquals("0 detections", HarkAssertions.describe(List.of()));
    }
}
