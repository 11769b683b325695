package dev.hark.trainer.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.testing.Slow;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.Calibration;
import dev.hark.trainer.quant.CalibrationPlan;
import dev.hark.trainer.quant.PostTrainingQuantization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fake-quantized forward pass must predict the integer network: logits of the QAT block and of the bit-exact
 * simulator on the converted model agree closely, before and after fine-tuning, and the converted model is an
 * ordinary model file.
 */
@Slow
class QatConversionTest {
    static final TensorQuant INPUT = new TensorQuant(0.15625f, -128);
    static final CrnnConfig TINY = CrnnConfig.builder().optConvChannels(4).optGruHidden(12).optGruLayers(2).build();

    static CrnnWeights randomWeights(CrnnConfig config, long seed) {
        return RandomCrnnWeights.of(config, seed, 0.2);
    }

    /** Clips whose mean level decides the label, so that there is something to learn. */
    static List<LabelledFeatures> clips(int n, long seed) {
        Random random = new Random(seed);
        List<LabelledFeatures> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            byte[] f = new byte[TINY.featuresPerClip()];
            int level = label == 1 ? 90 : 40;
            for (int k = 0; k < f.length; k++) {
                f[k] = (byte) Math.max(-128, Math.min(127, -128 + level + random.nextInt(100)));
            }
            clips.add(new LabelledFeatures("c" + i, label == 1 ? "kw" : "other", "s" + i, label, f));
        }
        return clips;
    }

    static ModelInfo info() {
        return new ModelInfo("qat-test", "kw", List.of("other", "kw"), TINY.frames(), TINY.mels(), INPUT,
                "hark-logmel-v1", "test");
    }

    static FrozenGrids grids(CrnnWeights weights, List<LabelledFeatures> calibrationClips) {
        List<byte[]> features = calibrationClips.stream().map(LabelledFeatures::features).toList();
        Calibration calibration = PostTrainingQuantization.calibrate(weights, info(), features);
        return FrozenGrids.of(weights.config(), CalibrationPlan.parse("percentile").grids(calibration));
    }

    /**
     * Largest |QAT logit - simulator logit| in units of the logits' grid step (the grid spans 255 steps); asserts
     * that the mean is at most one step. Exact agreement is not expected: a value that lands within float noise
     * of a rounding boundary (or where the 31-bit multiplier or the int8 softmax differs from real arithmetic)
     * moves by one step, and the recurrence carries such a flip on.
     */
    static double worstLogitSteps(QatModel qat, QuantizedModel model, List<LabelledFeatures> clips) {
        TensorQuant logits = qat.grids().grid("logits");
        NetworkSimulator sim = new NetworkSimulator(model);
        double worst = 0;
        double sum = 0;
        int n = 0;
        for (LabelledFeatures clip : clips) {
            float[] fake = qat.logits(clip.features());
            Trace trace = sim.run(clip.features());
            byte[] q = trace.get("logits");
            for (int k = 0; k < fake.length; k++) {
                double d = Math.abs(fake[k] - logits.dequantize(q[k])) / logits.scale();
                worst = Math.max(worst, d);
                sum += d;
                n++;
            }
        }
        assertTrue(sum / n <= 1.0, "mean |QAT logit - simulator logit| " + sum / n + " steps");
        return worst;
    }

    @Test
    void fakeQuantizedForwardPredictsTheSimulatorBeforeAndAfterFineTuning(@TempDir Path dir) throws Exception {
        CrnnWeights start = randomWeights(TINY, 7);
        List<LabelledFeatures> train = clips(48, 8);
        List<LabelledFeatures> dev = clips(16, 9);
        try (QatModel qat = QatModel.create(start, grids(start, train), INPUT)) {
            QuantizedModel ptq = qat.convert(info(), Rounding.DOUBLE);
            double before = worstLogitSteps(qat, ptq, dev);
            assertTrue(before <= 8, "QAT forward vs simulator before training: " + before + " logit steps");

            QatResult result = QatTrainer.fineTune(qat, train, dev, info(), Rounding.DOUBLE,
                    QatOptions.defaults().withEpochs(2).withLearningRate(1e-3f).withSeed(3));
            assertEquals(3, result.history().size(), "epoch 0 plus two epochs");
            assertTrue(result.history().get(1).trainLoss() > 0);
            assertArrayEquals(result.weights().get("fc.w"), qat.weights().get("fc.w"), "the model keeps the best");

            qat.block().load(result.lastWeights()); // trained weights, whichever epoch dev preferred
            assertTrue(!java.util.Arrays.equals(start.get("gru1.w_ih_n"), qat.weights().get("gru1.w_ih_n")),
                    "training moved the weights");
            QuantizedModel converted = qat.convert(info(), Rounding.DOUBLE);
            double after = worstLogitSteps(qat, converted, dev);
            assertTrue(after <= 8, "QAT forward vs simulator after training: " + after + " logit steps");

            Layer logits = converted.layers().stream().filter(l -> l.name().equals("logits")).findFirst()
                    .orElseThrow();
            assertEquals(qat.grids().grid("logits"), ((DenseLayer) logits).output(), "the frozen logits grid");

            Path file = dir.resolve("qat.hark");
            ModelFile.write(result.model(), file);
            QuantizedModel back = ModelFile.read(file);
            NetworkSimulator a = new NetworkSimulator(result.model());
            NetworkSimulator b = new NetworkSimulator(back);
            for (LabelledFeatures clip : dev.subList(0, 4)) {
                Trace ta = a.run(clip.features());
                Trace tb = b.run(clip.features());
                for (int i = 0; i < ta.values().size(); i++) {
                    assertArrayEquals(ta.values().get(i), tb.values().get(i), ta.tensors().get(i).name());
                }
            }
        }
    }
}
