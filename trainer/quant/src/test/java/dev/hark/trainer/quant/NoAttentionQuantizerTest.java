package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRNN without attention quantizes to conv -> GRUs -> {@link LastStepLayer} "context" -> logits -> probs, and
 * the integer network tracks the float reference, whose "context" is the last GRU step too.
 */
@Fast
class NoAttentionQuantizerTest {
    private static final TensorQuant INPUT = new TensorQuant(0.05f, -128);
    /** The baseline shape without attention: two GRU layers of 64 over 11 steps. */
    private static final CrnnConfig BASELINE = CrnnConfig.builder().optAttention(false).build();
    /** A distilled student: 2 channels, stride 6 x 2 (14 steps), one GRU layer of 16, no attention. */
    private static final CrnnConfig STUDENT = CrnnConfig.builder().optConvChannels(2).optStrideTime(6)
            .optGruHidden(16).optGruLayers(1).optAttention(false).build();

    @Test
    void baselineWithoutAttentionTracksTheFloatNetwork() {
        assertTracksFloat(BASELINE, 11);
    }

    @Test
    void smallStudentTracksTheFloatNetwork() {
        assertEquals(14, STUDENT.convSteps());
        assertTracksFloat(STUDENT, 21);
    }

    @Test
    void quantizedModelSurvivesItsFileAsVersionTwo(@TempDir Path dir) throws Exception {
        QuantizedModel model = PostTrainingQuantization.quantize(RandomCrnnWeights.of(STUDENT, 4), info(STUDENT),
                QuantizerTest.randomClips(10, 5), Rounding.DOUBLE);
        Path file = dir.resolve("student.hark");
        FloatTracking.assertSurvivesItsFile(model, file, QuantizerTest.randomClips(1, 6).get(0));
        assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN)
                .getInt(ModelFile.MAGIC.length), "a last-step layer needs format version 2");
    }

    private static void assertTracksFloat(CrnnConfig config, long seed) {
        CrnnWeights weights = RandomCrnnWeights.of(config, seed);
        QuantizedModel model = PostTrainingQuantization.quantize(weights, info(config),
                QuantizerTest.randomClips(60, seed + 1), Rounding.DOUBLE);
        assertEquals(config.parameterCount(), model.parameterCount(), "every float parameter has an int8 twin");
        int layers = model.layers().size();
        LastStepLayer last = assertInstanceOf(LastStepLayer.class, model.layers().get(layers - 3));
        assertEquals(new LastStepLayer("context", config.convSteps(), config.gruHidden()), last);
        assertInstanceOf(DenseLayer.class, model.layers().get(layers - 2));

        List<byte[]> heldOut = QuantizerTest.randomClips(20, seed + 2);
        NetworkSimulator int8Net = new NetworkSimulator(model);
        int h = config.gruHidden();
        for (byte[] clip : heldOut) {
            Trace trace = int8Net.run(clip);
            byte[] sequence = trace.get("gru" + config.gruLayers());
            assertArrayEquals(Arrays.copyOfRange(sequence, sequence.length - h, sequence.length),
                    trace.get("context"), "the context is the last GRU step, unchanged");
        }
        FloatTracking tracking = FloatTracking.measure(weights, model, INPUT, heldOut, "context");
        assertTrue(tracking.worstTensorError() < 0.15, "context error " + tracking.worstTensorError());
        assertTrue(tracking.meanProbabilityError() < 0.05, "mean probability error " + tracking.meanProbabilityError());
    }

    private static ModelInfo info(CrnnConfig config) {
        return new ModelInfo("no-attention", "sheila", List.of("other", "sheila"), config.frames(), config.mels(),
                INPUT, "hark-logmel-v1", "test");
    }
}
