package dev.hark.trainer.quant;

import dev.hark.sim.model.FixedGrids;
import dev.hark.sim.quant.ActivationTables;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.InputFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quantizes a randomly initialized CRNN of the real shape and checks that the integer network tracks the float
 * one: a wrong scale, gate order or table would make these figures explode.
 */
@Fast
class QuantizerTest {
    static final TensorQuant INPUT = new TensorQuant(0.05f, -128);
    static final CrnnConfig CONFIG = CrnnConfig.defaults();

    static CrnnWeights randomWeights(CrnnConfig config, long seed) {
        return RandomCrnnWeights.of(config, seed);
    }

    static List<byte[]> randomClips(int n, long seed) {
        Random random = new Random(seed);
        List<byte[]> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] f = new byte[CONFIG.featuresPerClip()];
            int level = random.nextInt(100);
            for (int k = 0; k < f.length; k++) {
                f[k] = (byte) Math.max(-128, Math.min(127, -128 + level + random.nextInt(120)));
            }
            clips.add(f);
        }
        return clips;
    }

    static ModelInfo info() {
        return new ModelInfo("test", "sheila", List.of("other", "sheila"), CONFIG.frames(), CONFIG.mels(), INPUT,
                "hark-logmel-v1", "test");
    }

    @Test
    void int8NetworkTracksTheFloatNetwork() {
        CrnnWeights weights = randomWeights(CONFIG, 1);
        QuantizedModel model = PostTrainingQuantization.quantize(weights, info(), randomClips(60, 2), Rounding.DOUBLE);
        assertEquals(CONFIG.parameterCount(), model.parameterCount(), "every float parameter has an int8 twin");

        FloatCrnn floatNet = new FloatCrnn(weights);
        NetworkSimulator int8Net = new NetworkSimulator(model);
        double worstHidden = 0;
        double sumProb = 0;
        List<byte[]> heldOut = randomClips(20, 3);
        for (byte[] clip : heldOut) {
            Map<String, float[]> floats = new HashMap<>();
            float[] logits = floatNet.forward(InputFeatures.dequantize(clip, INPUT), floats::put);
            Trace trace = int8Net.run(clip);
            float[] h2 = floats.get("gru2");
            byte[] q2 = trace.get("gru2");
            for (int i = 0; i < h2.length; i++) {
                worstHidden = Math.max(worstHidden, Math.abs(h2[i] - q2[i] / 128.0));
            }
            double pFloat = FloatCrnn.softmax(logits)[1];
            double pInt8 = FixedGrids.PROBABILITY.dequantize(trace.output()[1]);
            sumProb += Math.abs(pFloat - pInt8);
        }
        assertTrue(worstHidden < 0.15, "GRU output error " + worstHidden);
        assertTrue(sumProb / heldOut.size() < 0.05, "mean probability error " + sumProb / heldOut.size());
    }

    @Test
    void quantizedModelSurvivesItsFileUnchanged(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        QuantizedModel model = PostTrainingQuantization.quantize(randomWeights(CONFIG, 4), info(), randomClips(10, 5),
                Rounding.DOUBLE);
        Path file = dir.resolve("m.hark");
        ModelFile.write(model, file);
        QuantizedModel back = ModelFile.read(file);
        byte[] clip = randomClips(1, 6).get(0);
        Trace a = new NetworkSimulator(model).run(clip);
        Trace b = new NetworkSimulator(back).run(clip);
        for (int i = 0; i < a.values().size(); i++) {
            assertArrayEquals(a.values().get(i), b.values().get(i), a.tensors().get(i).name());
        }
    }

    @Test
    void tablesFollowTheirFormula() {
        TensorQuant in = new TensorQuant(1f / 16, 0);
        byte[] sigmoid = ActivationTables.sigmoid(in);
        byte[] oneMinus = ActivationTables.oneMinusSigmoid(in);
        byte[] tanh = ActivationTables.tanh(in);
        assertEquals(0, sigmoid[128], "sigmoid(0) = 0.5 = code 0 on the 1/256, -128 grid");
        assertEquals(0, tanh[128]);
        assertEquals(127, tanh[255], "tanh(127/16) rounds to 1, clamped to 127");
        assertEquals(-128, tanh[0]);
        for (int i = 1; i < 256; i++) {
            assertTrue(sigmoid[i] >= sigmoid[i - 1] && tanh[i] >= tanh[i - 1], "monotonic at " + i);
            int sum = (sigmoid[i] + 128) + (oneMinus[i] + 128);
            assertTrue(Math.abs(sum - 256) <= 1, "sigmoid + (1 - sigmoid) = 1 at " + i + ": " + sum);
        }
    }
}
