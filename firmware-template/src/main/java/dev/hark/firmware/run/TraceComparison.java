package dev.hark.firmware.run;

import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares firmware traces with {@link NetworkSimulator} traces byte for byte, with zero tolerance: the firmware
 * makes the same kernel calls as the simulator, so any differing byte is a bug.
 *
 * <p>The first difference (in clip, layer, index order) is described as
 * {@code clip <i> (<clip id>), layer <name>, step <t>, index <k>: simulator <a>, firmware <b>}, where {@code k} is
 * the byte's index in the layer's tensor and {@code t = k / (size / steps)} its time step (0 for tensors that are
 * not sequences).
 */
public final class TraceComparison {
    /**
     * The outcome.
     *
     * @param clips            clips compared
     * @param layers           traced layers per clip
     * @param bytesCompared    bytes compared in all
     * @param bytesDiffering   bytes that differ
     * @param differingByLayer differing bytes per layer name, in layer order (every layer listed)
     * @param firstDifference  the first difference, described as above, if any
     */
    public record Result(int clips, int layers, long bytesCompared, long bytesDiffering,
                         Map<String, Long> differingByLayer, Optional<String> firstDifference) {
        public Result {
            differingByLayer = Collections.unmodifiableMap(new LinkedHashMap<>(differingByLayer));
        }

        public boolean identical() {
            return bytesDiffering == 0;
        }

        /** One line for logs and assertion messages. */
        public String summary() {
            return bytesDiffering + " of " + bytesCompared + " bytes differ over " + clips + " clips x " + layers
                    + " layers" + firstDifference.map(d -> "; first: " + d).orElse("");
        }
    }

    private TraceComparison() {
    }

    /**
     * Simulates every clip with {@code model} and compares.
     *
     * @param features the clips the firmware ran, in the same order
     * @param clipIds  a name per clip for the report (file names, seeds)
     * @throws IllegalArgumentException if the counts disagree or the firmware traces other layers than the model
     */
    public static Result compare(QuantizedModel model, List<byte[]> features, List<String> clipIds,
                                 HarnessTrace firmware) {
        NetworkSimulator simulator = new NetworkSimulator(model);
        List<Trace> simulated = new ArrayList<>();
        for (byte[] clip : features) {
            simulated.add(simulator.run(clip));
        }
        return compare(simulated, clipIds, firmware);
    }

    /** Compares traces the simulator already produced. */
    public static Result compare(List<Trace> simulated, List<String> clipIds, HarnessTrace firmware) {
        if (simulated.size() != firmware.clips().size() || clipIds.size() != simulated.size()) {
            throw new IllegalArgumentException("the simulator ran " + simulated.size() + " clips ("
                    + clipIds.size() + " ids), the firmware " + firmware.clips().size());
        }
        List<Layer.TracedTensor> tensors = simulated.isEmpty() ? List.of() : simulated.get(0).tensors();
        requireSameLayers(tensors, firmware);

        Map<String, Long> differing = new LinkedHashMap<>();
        for (Layer.TracedTensor t : tensors) {
            differing.put(t.name(), 0L);
        }
        long compared = 0;
        long different = 0;
        String first = null;
        for (int c = 0; c < simulated.size(); c++) {
            for (int l = 0; l < tensors.size(); l++) {
                Layer.TracedTensor tensor = tensors.get(l);
                byte[] expected = simulated.get(c).values().get(l);
                byte[] actual = firmware.get(c, l);
                for (int k = 0; k < expected.length; k++) {
                    if (expected[k] != actual[k]) {
                        different++;
                        differing.merge(tensor.name(), 1L, Long::sum);
                        if (first == null) {
                            first = describe(c, clipIds.get(c), tensor, k, expected[k], actual[k]);
                        }
                    }
                }
                compared += expected.length;
            }
        }
        return new Result(simulated.size(), tensors.size(), compared, different, differing, Optional.ofNullable(first));
    }

    static String describe(int clip, String clipId, Layer.TracedTensor tensor, int index, byte simulator,
                           byte firmware) {
        int perStep = tensor.steps() > 1 ? tensor.size() / tensor.steps() : tensor.size();
        int step = perStep == 0 ? 0 : index / perStep;
        return "clip " + clip + " (" + clipId + "), layer " + tensor.name() + ", step " + step + ", index " + index
                + ": simulator " + simulator + ", firmware " + firmware;
    }

    private static void requireSameLayers(List<Layer.TracedTensor> tensors, HarnessTrace firmware) {
        List<String> expected = new ArrayList<>();
        for (Layer.TracedTensor t : tensors) {
            expected.add(t.name() + "[" + t.size() + "]");
        }
        List<String> actual = new ArrayList<>();
        for (HarnessTrace.Layer layer : firmware.layers()) {
            actual.add(layer.name() + "[" + layer.size() + "]");
        }
        if (!tensors.isEmpty() && !expected.equals(actual)) {
            throw new IllegalArgumentException("the firmware traces " + actual + " but the simulator " + expected);
        }
    }
}
