package dev.hark.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.FloatCrnn;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-Java float reference computes what the DJL block computes, on the weights read out of it. */
@Fast
class FloatCrnnMatchesDjlTest {
    private static final int BATCH = 4;

    @Test
    void matchesDjlWithAttention() {
        assertMatchesDjl(CrnnConfig.defaults(), 11);
    }

    /** The reference folds the training-time input standardization into the convolution. */
    @Test
    void matchesDjlWithInputStandardization() {
        assertMatchesDjl(CrnnConfig.builder().optInputNormalization(14.5f, 4.6f).build(), 15);
    }

    @Test
    void matchesDjlWithoutAttention() {
        assertMatchesDjl(CrnnConfig.builder().optAttention(false).build(), 12);
    }

    @Test
    void matchesDjlForTheSmallStudentAndThreeLayers() {
        assertMatchesDjl(CrnnConfig.builder().optStrideTime(6).optGruHidden(16).optGruLayers(1)
                .optConvChannels(2).build(), 13);
        assertMatchesDjl(CrnnConfig.builder().optGruLayers(3).optGruHidden(24).optClasses(3).build(), 14);
    }

    /**
     * Logits must agree within 1e-4 relative to the batch's largest logit (a logit near zero has no meaningful
     * relative error of its own). DJL's random init gives near-zero logits that would hide errors in gate order or bias split, so the
     * parameters are first scaled up (uniform +-0.5 everywhere) to make every path matter.
     */
    private static void assertMatchesDjl(CrnnConfig config, long seed) {
        try (Model model = CrnnModels.newModel(config, seed)) {
            NDManager m = model.getNDManager();
            Random random = new Random(seed);
            model.getBlock().getParameters().forEach(p -> {
                NDArray a = p.getValue().getArray();
                float[] v = new float[(int) a.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (random.nextFloat() - 0.5f) * (p.getKey().contains("conv") ? 0.1f : 1f);
                }
                a.set(v);
            });
            float[] input = new float[BATCH * config.featuresPerClip()];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat() * 30f; // the dequantized feature range is 0..32
            }
            NDArray x = m.create(input, new Shape(BATCH, config.frames(), config.mels()));
            float[] djl = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();

            FloatCrnn reference = new FloatCrnn(CrnnBlockWeights.read(model, config));
            double maxAbs = 0;
            for (float v : djl) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            assertTrue(maxAbs > 0.1, "logits too small to test anything: " + maxAbs);
            for (int b = 0; b < BATCH; b++) {
                float[] clip = new float[config.featuresPerClip()];
                System.arraycopy(input, b * clip.length, clip, 0, clip.length);
                float[] logits = reference.forward(clip);
                for (int k = 0; k < config.classes(); k++) {
                    float expected = djl[b * config.classes() + k];
                    assertEquals(expected, logits[k], 1e-4 * Math.max(Math.abs(expected), maxAbs),
                            "clip " + b + " logit " + k + " for " + config);
                }
            }
        }
    }

}
