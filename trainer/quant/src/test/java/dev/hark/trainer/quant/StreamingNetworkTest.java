package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.KeywordScore;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.Tensor;
import dev.hark.sim.program.TensorKind;
import dev.hark.sim.program.plan.BufferRequest;
import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming program against the whole-clip program: a stream that starts with a clip runs the clip's
 * convolution rows and GRU steps one step at a time, byte for byte, and with an attention window of the clip's
 * steps its last step pools exactly the clip's hidden states, so it gives the clip's probabilities.
 */
@Fast
class StreamingNetworkTest {
    private static final int MODELS = 12;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aStreamStartingWithAClipStepsThroughTheClipsProgram(boolean attention) {
        for (int seed = 0; seed < MODELS; seed++) {
            Rounding rounding = seed % 2 == 0 ? Rounding.DOUBLE : Rounding.SINGLE;
            QuantizedModel model = RandomModels.create(
                    RandomModels.tinyShape().toBuilder().optAttention(attention).build(), 100 + seed, rounding);
            ConvLayer conv = (ConvLayer) model.layers().get(0);
            int clipSteps = conv.outH();
            byte[] clip = RandomModels.features(model, 1, seed).get(0);
            Trace whole = new NetworkSimulator(model).run(clip);

            List<Trace> steps = stream(new StreamingNetwork(model, clipSteps), clip);

            assertEquals(clipSteps, steps.size(), "one step per convolution row");
            for (int s = 0; s < clipSteps; s++) {
                Trace step = steps.get(s);
                assertArrayEquals(row(whole, "conv", s, clipSteps), step.get("conv"), "model " + seed + " step " + s);
                for (Layer.TracedTensor t : step.tensors()) {
                    if (t.name().startsWith("gru")) {
                        assertArrayEquals(row(whole, t.name(), s, clipSteps), step.get(t.name()),
                                "model " + seed + " " + t.name() + " step " + s);
                    }
                }
            }
            Trace last = steps.get(clipSteps - 1);
            for (int i = 0; i < whole.tensors().size(); i++) {
                Layer.TracedTensor t = whole.tensors().get(i);
                if (t.steps() == 1) {
                    assertArrayEquals(whole.values().get(i), last.get(t.name()),
                            "model " + seed + ": " + t.name() + " of the last step equals the clip's");
                }
            }
        }
    }

    @Test
    void aResetStartsTheStreamOver() {
        QuantizedModel model = RandomModels.tiny(7);
        StreamingNetwork network = new StreamingNetwork(model, 5);
        byte[] first = RandomModels.features(model, 1, 1).get(0);
        byte[] second = RandomModels.features(model, 1, 2).get(0);
        List<Trace> alone = stream(network, second);
        network.reset();
        stream(network, first);
        List<Trace> afterFirst = stream(network, second);
        network.reset();
        List<Trace> afterReset = stream(network, second);

        assertTrue(differ(alone, afterFirst), "the state carries the first clip into the second");
        assertEquals(alone.size(), afterReset.size());
        for (int s = 0; s < alone.size(); s++) {
            for (int i = 0; i < alone.get(s).values().size(); i++) {
                assertArrayEquals(alone.get(s).values().get(i), afterReset.get(s).values().get(i));
            }
        }
    }

    @Test
    void theProgramScoresTheKeywordFromTheLogitsAtTheirScaleTimesSixteen() {
        QuantizedModel model = RandomModels.tiny(3);
        KeywordScore score = Lowering.lowerStreaming(model, 9).streaming().keywordScore();
        DenseLayer logits = model.layers().stream().filter(l -> l instanceof DenseLayer).map(l -> (DenseLayer) l)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("logits", score.logits());
        assertEquals(1, score.keywordClass(), "labels [other, sheila]: the keyword is class 1");
        assertEquals(logits.output().scale() * 16.0, score.perCode().realValue(), 1e-9 * logits.output().scale());
        assertEquals(model.rounding(), score.rounding());
    }

    @Test
    void theProgramKeepsItsStateInTheArenaForTheWholeStep() {
        QuantizedModel model = RandomModels.tiny(3);
        KernelProgram program = Lowering.lowerStreaming(model, 9);
        List<String> state = program.state().stream().map(Tensor::name).toList();
        assertEquals(List.of("gru1_state", "gru2_state", "attention_scores", "attention_hidden"), state);
        for (Tensor t : program.state()) {
            BufferRequest planned = program.arena().get(t.name()).request();
            assertEquals(0, planned.firstUse(), t.name());
            assertEquals(program.calls().size() - 1, planned.lastUse(), t.name());
        }
        assertEquals(9 * 8, program.state().get(3).size(), "nine steps of eight hidden units");
        assertEquals(TensorKind.FEATURES, program.input().kind());
        assertEquals(6 * 12, program.input().size(), "the convolution's kernel height of frames");
        assertThrows(IllegalArgumentException.class, () -> new NetworkSimulator(program).run(new byte[72]));
        assertThrows(IllegalArgumentException.class, () -> Lowering.lowerStreaming(model, 0));
    }

    /** Every step the frames of {@code clip} complete, in order. */
    private static List<Trace> stream(StreamingNetwork network, byte[] clip) {
        int frame = network.frameSize();
        List<Trace> steps = new ArrayList<>();
        for (int f = 0; f < clip.length / frame; f++) {
            Optional<Trace> step = network.pushFrame(Arrays.copyOfRange(clip, f * frame, (f + 1) * frame));
            step.ifPresent(steps::add);
        }
        return steps;
    }

    private static byte[] row(Trace trace, String name, int step, int steps) {
        byte[] all = trace.get(name);
        int size = all.length / steps;
        return Arrays.copyOfRange(all, step * size, (step + 1) * size);
    }

    private static boolean differ(List<Trace> a, List<Trace> b) {
        for (int s = 0; s < a.size(); s++) {
            if (!Arrays.equals(a.get(s).output(), b.get(s).output())) {
                return true;
            }
        }
        return false;
    }
}
