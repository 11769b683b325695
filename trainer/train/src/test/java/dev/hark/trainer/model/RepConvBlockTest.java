package dev.hark.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.hark.testing.Slow;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.train.CrnnTrainer;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.ToyProblem;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The branched convolution folds into one: the network with its branches (inference mode) and the plain network
 * of the folded weights give the same logits, before and after training, and the folded network has the plain
 * shape.
 */
@Slow
class RepConvBlockTest {
    /** 30 x 12 input, 3 channels, kernel 6 x 3, stride 4 x 2, one GRU layer of 6, attention, standardized input. */
    private static final CrnnConfig SHAPE = CrnnConfig.builder().optFrames(30).optMels(12).optConvChannels(3)
            .optKernelTime(6).optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(6).optGruLayers(1)
            .optInputNormalization(14f, 5f).build();

    @Test
    void theFoldedConvolutionGivesTheBranchedNetworksLogits() {
        try (Model model = CrnnModels.newBranchedModel(SHAPE, 1)) {
            randomizeNormalizations(model, new Random(2));
            CrnnWeights folded = CrnnBlockWeights.read(model, SHAPE);
            assertEquals(CrnnWeights.shapesOf(SHAPE).keySet(), new java.util.HashSet<>(folded.names()),
                    "the folded network has the plain network's tensors");
            assertSameLogits(model, folded, randomClips(8, 3));
        }
    }

    @Test
    void everyBranchReachesTheFoldedKernel() {
        try (Model model = CrnnModels.newBranchedModel(SHAPE, 4)) {
            randomizeNormalizations(model, new Random(5));
            float[] before = CrnnBlockWeights.read(model, SHAPE).get("conv.weight");
            // A branch's kernel scaled: the folded kernel changes exactly on that branch's taps.
            for (String branch : List.of("row", "column", "point")) {
                Parameter w = CrnnModels.block(model).conv().getChildren().stream()
                        .filter(child -> child.getKey().endsWith(branch)).findFirst().orElseThrow().getValue()
                        .getParameters().get("weight");
                w.getArray().set(w.getArray().mul(2f).toFloatArray());
                float[] after = CrnnBlockWeights.read(model, SHAPE).get("conv.weight");
                int kt = SHAPE.kernelTime();
                int km = SHAPE.kernelMel();
                for (int k = 0; k < before.length; k++) {
                    int t = k / km % kt;
                    int m = k % km;
                    boolean onBranch = switch (branch) {
                        case "row" -> t == kt / 2;
                        case "column" -> m == km / 2;
                        default -> t == kt / 2 && m == km / 2;
                    };
                    assertEquals(onBranch, before[k] != after[k], branch + " tap " + k);
                }
                before = after;
            }
        }
    }

    @Test
    void aTrainedBranchedNetworkExportsAsThePlainOne() {
        CrnnConfig shape = SHAPE.toBuilder().optFrames(60).build(); // the toy keyword lasts 40 frames
        List<Example> train = ToyProblem.clips(shape, 192, 0.5, 6);
        List<Example> dev = ToyProblem.clips(shape, 48, 0.5, 7);
        try (Model model = CrnnModels.newBranchedModel(shape, 8)) {
            CrnnTrainer.train(model, TrainingFeatures.of(train), dev, ToyProblem.QUANT, TrainingOptions.builder()
                    .optEpochs(2).optBatchSize(32).optProgress(null).build());
            CrnnWeights folded = CrnnBlockWeights.read(model, shape);
            List<float[]> clips = dev.stream().limit(8)
                    .map(e -> InputFeatures.dequantize(e.features(), ToyProblem.QUANT)).toList();
            assertSameLogits(model, folded, clips);
            try (Model plain = CrnnModels.newModel(shape, 0)) {
                CrnnBlockWeights.write(plain.getBlock(), folded);
                assertSameLogits(plain, folded, clips);
            }
            assertThrows(IllegalArgumentException.class, () -> CrnnBlockWeights.write(model.getBlock(), folded));
        }
    }

    /** Batch normalization as training leaves it: scales, shifts and running statistics away from the identity. */
    private static void randomizeNormalizations(Model model, Random random) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            String name = p.getKey();
            if (!name.contains("_norm_")) {
                continue;
            }
            float[] v = new float[(int) p.getValue().getArray().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = name.endsWith("runningVar") ? 0.2f + 2 * random.nextFloat()
                        : name.endsWith("gamma") ? 0.5f + random.nextFloat() : (float) random.nextGaussian();
            }
            p.getValue().getArray().set(v);
        }
        assertTrue(model.getBlock().getParameters().keys().stream().filter(k -> k.contains("_norm_")).count() >= 16,
                model.getBlock().getParameters().keys().toString());
    }

    private static void assertSameLogits(Model model, CrnnWeights weights, List<float[]> clips) {
        FloatCrnn reference = new FloatCrnn(weights);
        try (NDManager m = NDManager.newBaseManager()) {
            for (float[] clip : clips) {
                NDArray x = m.create(clip, CrnnBlock.inputShape(weights.config(), 1));
                float[] logits = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow().toFloatArray();
                assertArrayEquals(reference.forward(clip), logits, 2e-4f);
            }
        }
    }

    private static List<float[]> randomClips(int n, long seed) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            float[] clip = new float[SHAPE.featuresPerClip()];
            for (int k = 0; k < clip.length; k++) {
                clip[k] = (float) (14 + 5 * random.nextGaussian());
            }
            return clip;
        }).toList();
    }
}
