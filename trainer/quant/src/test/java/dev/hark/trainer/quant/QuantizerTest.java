package dev.hark.trainer.quant;

import dev.hark.sim.quant.ActivationTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

        FloatTracking tracking = FloatTracking.measure(weights, model, INPUT, randomClips(20, 3), "gru2");
        assertTrue(tracking.worstTensorError() < 0.15, "GRU output error " + tracking.worstTensorError());
        assertTrue(tracking.meanProbabilityError() < 0.05, "mean probability error " + tracking.meanProbabilityError());
    }

    @Test
    void quantizedModelSurvivesItsFileUnchanged(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        QuantizedModel model = PostTrainingQuantization.quantize(randomWeights(CONFIG, 4), info(), randomClips(10, 5),
                Rounding.DOUBLE);
        FloatTracking.assertSurvivesItsFile(model, dir.resolve("m.hark"), randomClips(1, 6).get(0));
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
