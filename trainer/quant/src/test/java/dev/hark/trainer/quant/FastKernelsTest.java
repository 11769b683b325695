package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator's fast kernels against its reference kernels on whole networks: every traced tensor of every clip
 * and of every streaming step, byte for byte, for the shapes hark trains (one and two GRU layers, with and without
 * attention, one and several convolution channels) in both rounding modes, and one simulator run from several
 * threads at once. The clips include the extremes of the int8 range, which drive the sums and the requantizations
 * to their ends.
 */
@Fast
class FastKernelsTest {
    private static final int RANDOM_CLIPS = 3;

    static Stream<Arguments> models() {
        List<Arguments> models = new ArrayList<>();
        CrnnConfig tinyWithoutAttention = RandomModels.tinyShape().toBuilder().optAttention(false).build();
        CrnnConfig oneChannel = RandomModels.tinyShape().toBuilder().optConvChannels(1).build();
        Map<String, CrnnConfig> shapes = new LinkedHashMap<>();
        shapes.put("tiny", RandomModels.tinyShape());
        shapes.put("tiny without attention", tinyWithoutAttention);
        shapes.put("tiny with one channel", oneChannel);
        shapes.put("small student", RandomModels.smallStudentShape());
        long seed = 300;
        for (Map.Entry<String, CrnnConfig> shape : shapes.entrySet()) {
            for (Rounding rounding : Rounding.values()) {
                models.add(Arguments.of(shape.getKey() + ", " + rounding,
                        RandomModels.create(shape.getValue(), seed++, rounding)));
            }
        }
        models.add(Arguments.of("listening", RandomModels.listening(seed)));
        return models.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aWholeClipTracesTheSameBytes(String shape, QuantizedModel model) {
        NetworkSimulator simulator = new NetworkSimulator(model);
        for (byte[] clip : clips(model)) {
            assertSameTraces(simulator.runWithReferenceKernels(clip), simulator.run(clip), shape);
        }
    }

    @Test
    void oneSimulatorServesSeveralThreadsAtOnce() throws Exception {
        QuantizedModel model = RandomModels.tiny(41);
        NetworkSimulator simulator = new NetworkSimulator(model);
        List<byte[]> clips = RandomModels.features(model, 64, 43);
        List<byte[]> expected = new ArrayList<>();
        for (byte[] clip : clips) {
            expected.add(simulator.runWithReferenceKernels(clip).output());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> outputs = new ArrayList<>();
            for (byte[] clip : clips) {
                outputs.add(threads.submit(() -> simulator.run(clip).output()));
            }
            for (int i = 0; i < clips.size(); i++) {
                assertArrayEquals(expected.get(i), outputs.get(i).get(), "clip " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aStreamTracesTheSameBytesStepByStep(String shape, QuantizedModel model) {
        var program = Lowering.lowerStreaming(model, Lowering.defaultAttentionWindow(model));
        StreamingNetwork fast = new StreamingNetwork(program);
        StreamingNetwork reference = StreamingNetwork.withReferenceKernels(program);
        int steps = 0;
        // The clips one after the other without a reset, so the state carries over from clip to clip.
        for (byte[] clip : clips(model)) {
            for (int f = 0; f < clip.length / fast.frameSize(); f++) {
                byte[] frame = Arrays.copyOfRange(clip, f * fast.frameSize(), (f + 1) * fast.frameSize());
                Optional<Trace> expected = reference.pushFrame(frame);
                Optional<Trace> actual = fast.pushFrame(frame);
                assertEquals(expected.isPresent(), actual.isPresent());
                if (expected.isPresent()) {
                    assertSameTraces(expected.get(), actual.get(), shape + " step " + steps++);
                }
            }
        }
        assertTrue(steps > 0, "the stream ran steps");
    }

    private static void assertSameTraces(Trace expected, Trace actual, String where) {
        assertEquals(expected.tensors(), actual.tensors(), where);
        for (int i = 0; i < expected.values().size(); i++) {
            assertArrayEquals(expected.values().get(i), actual.values().get(i),
                    where + ": " + expected.tensors().get(i).name());
        }
    }

    /** Random clips, then one of all -128 and one of all 127. */
    private static List<byte[]> clips(QuantizedModel model) {
        List<byte[]> clips = new ArrayList<>(RandomModels.features(model, RANDOM_CLIPS, 11));
        for (byte extreme : new byte[] {Byte.MIN_VALUE, Byte.MAX_VALUE}) {
            byte[] clip = new byte[model.info().inputSize()];
            Arrays.fill(clip, extreme);
            clips.add(clip);
        }
        return clips;
    }
}
