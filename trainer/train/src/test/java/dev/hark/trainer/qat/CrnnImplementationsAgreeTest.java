package dev.hark.trainer.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnBlock;
import dev.hark.trainer.model.CrnnBlockWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import dev.hark.trainer.model.DjlRuntime;
import dev.hark.trainer.model.InputFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One network, three implementations: the plain-Java float reference ({@link FloatCrnn}), the DJL training block
 * ({@link CrnnBlock}) and the QAT block with its rounding left out ({@link QatCrnnBlock#unquantized}) are given the
 * same {@link CrnnWeights} and the same int8 feature clips and must compute the same network. The QAT block's
 * rounding itself is checked against the bit-exact simulator in {@link QatConversionTest}.
 *
 * <p>Tolerance: every compared tensor may differ from the reference by {@value #TOLERANCE} of its largest
 * magnitude over the batch. The three differ only in float32 rounding (u = 2^-24, about 6e-8): the reference
 * accumulates each dot product in double and rounds once per value, DJL and the QAT block accumulate in float32 in
 * their kernels' order. A float32 dot product of n terms errs by at most n u sum|w x| and typically by
 * sqrt(n) u sum|w x|, its rounding errors being of either sign (Higham and Mary, SIAM J. Sci. Comput. 41, 2019).
 * With zero-mean weights sum|w x| is up to sqrt(n) times the output's scale, so with n at most 152 here a layer
 * adds about 1e-6 of its output's scale (n u, 1e-5, at the very worst). The longest chain, 3 GRU layers of 23
 * steps, passes some 70 such errors on, of random sign: about sqrt(70) x 1e-6, 1e-5. The tolerance is ten times
 * that, and still far below what a mistake in the network's structure does: {@link
 * #swappingTheCandidatesBiasesMovesTheLogitsFarBeyondTheTolerance} plants the subtlest one and requires it to move
 * the logits by a hundred tolerances.
 */
@Fast
class CrnnImplementationsAgreeTest {
    private static final double TOLERANCE = 1e-4;
    private static final int CLIPS = 3;
    /** Keeps the convolution's outputs, from features up to 40, of order one, so the GRU's gates do not saturate. */
    private static final double CONV_GAIN = 0.05;

    /** A network shape and the seed of its random weights and clips. */
    record Case(String name, CrnnConfig config, long seed) {
        CrnnWeights weights() {
            return RandomCrnnWeights.of(config, seed, CONV_GAIN);
        }

        /** Random int8 feature codes, dequantized on the front end's grid as every consumer does. */
        float[][] clips() {
            Random random = new Random(seed + 1);
            float[][] clips = new float[CLIPS][];
            for (int i = 0; i < CLIPS; i++) {
                byte[] codes = new byte[config.featuresPerClip()];
                random.nextBytes(codes);
                clips[i] = InputFeatures.dequantize(codes, FrontendConfig.FEATURE_QUANT);
            }
            return clips;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("baseline: attention, 2 layers, 8 channels", CrnnConfig.defaults(), 11),
                new Case("small student: last step, 1 layer, 2 channels", CrnnConfig.builder().optAttention(false)
                        .optStrideTime(6).optGruHidden(16).optGruLayers(1).optConvChannels(2).build(), 12),
                new Case("3 layers, 3 classes, 10x3 kernel, standardized input", CrnnConfig.builder()
                        .optConvChannels(4).optKernelTime(10).optKernelMel(3).optStrideTime(4).optStrideMel(1)
                        .optGruHidden(24).optGruLayers(3).optClasses(3).optInputNormalization(14.5f, 4.6f).build(),
                        13),
                new Case("49x32 input, 9x8 kernel, 1 layer, standardized input", CrnnConfig.builder().optFrames(49)
                        .optMels(32).optConvChannels(6).optKernelTime(9).optKernelMel(8).optStrideTime(5)
                        .optStrideMel(4).optGruHidden(20).optGruLayers(1).optInputNormalization(20f, 8f).build(),
                        14));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void floatReferenceDjlBlockAndUnquantizedQatBlockAgree(Case c) {
        CrnnWeights weights = c.weights();
        float[][] clips = c.clips();
        Map<String, float[]> reference = referenceTensors(weights, clips);
        assertTrue(largestMagnitude(reference.get("logits")) > 0.1, "logits too small to test anything: " + c);

        assertClose(reference.get("logits"), djlLogits(weights, clips), "DJL logits, " + c);
        Map<String, float[]> qat = qatTensors(weights, clips);
        for (Map.Entry<String, float[]> tensor : reference.entrySet()) {
            assertClose(tensor.getValue(), qat.get(tensor.getKey()), "QAT " + tensor.getKey() + ", " + c);
        }
    }

    /**
     * The subtlest mistake in the structure: b_ih_n and b_hh_n swapped, which moves the candidate's hidden bias
     * out of r's reach ({@code n = tanh(W_in x + b_in + r (W_hn h + b_hn))}). Reading DJL's biases into the wrong
     * half, or applying r in the wrong place, does the same.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void swappingTheCandidatesBiasesMovesTheLogitsFarBeyondTheTolerance(Case c) {
        CrnnConfig config = c.config();
        CrnnWeights weights = c.weights();
        float[][] clips = c.clips();
        Map<String, float[]> swapped = new LinkedHashMap<>();
        weights.names().forEach(name -> swapped.put(name, weights.get(name)));
        swapped.put("gru1.b_ih_n", weights.get("gru1.b_hh_n"));
        swapped.put("gru1.b_hh_n", weights.get("gru1.b_ih_n"));
        float[] right = referenceTensors(weights, clips).get("logits");
        float[] wrong = referenceTensors(CrnnWeights.of(config, swapped), clips).get("logits");
        double moved = 0;
        for (int i = 0; i < right.length; i++) {
            moved = Math.max(moved, Math.abs(right[i] - wrong[i]));
        }
        assertTrue(moved >= 100 * TOLERANCE * largestMagnitude(right), "swapping the candidate's biases moved the"
                + " logits by only " + moved + ": " + c);
    }

    /**
     * Weights loaded into either block read back as they were, bit for bit; only the convolution of a network
     * that standardizes its input goes through the fold's arithmetic on the way into DJL and back.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void weightsComeBackFromBothBlocksUnchanged(Case c) {
        CrnnConfig config = c.config();
        CrnnWeights weights = c.weights();
        try (Model djl = CrnnModels.newModel(config, 1); Model qat = unquantizedQatModel(weights)) {
            CrnnBlockWeights.write(djl.getBlock(), weights);
            CrnnWeights fromDjl = CrnnBlockWeights.read(djl, config);
            CrnnWeights fromQat = ((QatCrnnBlock) qat.getBlock()).weights();
            for (String name : weights.names()) {
                assertArrayEquals(weights.get(name), fromQat.get(name), "QAT " + name);
                if (!config.standardizesInput() || !name.startsWith("conv.")) {
                    assertArrayEquals(weights.get(name), fromDjl.get(name), "DJL " + name);
                }
            }
            if (config.standardizesInput()) {
                assertConvolutionSurvivesTheFold(weights, fromDjl);
            }
        }
    }

    /**
     * With standardization the writer computes {@code w = w' std}, {@code b = b' + mean sum(w')} and the reader
     * {@code w' = w / std}, {@code b' = b - (mean / std) sum(w)}, each rounded once to float32 (relative error at
     * most u). So a weight comes back within 2u |w'|, below 2 ulps, and a bias within
     * {@code 2u (|b'| + |mean| sum|w'|)}; three u leave room for the double sums.
     */
    private static void assertConvolutionSurvivesTheFold(CrnnWeights given, CrnnWeights back) {
        double u = Math.ulp(1f) / 2;
        float[] w = given.get("conv.weight");
        float[] wBack = back.get("conv.weight");
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], wBack[i], 2 * Math.ulp(w[i]), "conv.weight[" + i + "]");
        }
        float[] b = given.get("conv.bias");
        float[] bBack = back.get("conv.bias");
        int taps = w.length / b.length;
        double mean = Math.abs(given.config().inputMean());
        for (int c = 0; c < b.length; c++) {
            double sumAbs = 0;
            for (int k = c * taps; k < (c + 1) * taps; k++) {
                sumAbs += Math.abs(w[k]);
            }
            assertEquals(b[c], bBack[c], 3 * u * (Math.abs(b[c]) + mean * sumAbs), "conv.bias[" + c + "]");
        }
    }

    /**
     * The reference's tensors that the QAT block also reports, each clip's values one after the other (the
     * batch-first layout of the blocks). Tensors reported per step are left out.
     */
    private static Map<String, float[]> referenceTensors(CrnnWeights weights, float[][] clips) {
        FloatCrnn reference = new FloatCrnn(weights);
        Map<String, float[]> tensors = new LinkedHashMap<>();
        for (float[] clip : clips) {
            Map<String, float[]> perClip = new HashMap<>();
            reference.forward(clip, perClip::put);
            for (String name : blockTensors(weights.config())) {
                tensors.merge(name, perClip.get(name), CrnnImplementationsAgreeTest::concat);
            }
        }
        return tensors;
    }

    private static List<String> blockTensors(CrnnConfig config) {
        List<String> names = new ArrayList<>(List.of("conv"));
        for (int l = 1; l <= config.gruLayers(); l++) {
            names.add("gru" + l);
        }
        if (config.attention()) {
            names.addAll(List.of("att.energy", "att.score"));
        }
        names.addAll(List.of("context", "logits"));
        return names;
    }

    private static float[] djlLogits(CrnnWeights weights, float[][] clips) {
        try (Model model = CrnnModels.newModel(weights.config(), 1)) {
            CrnnBlockWeights.write(model.getBlock(), weights);
            return forward(model, clips, weights.config());
        }
    }

    private static Map<String, float[]> qatTensors(CrnnWeights weights, float[][] clips) {
        try (Model model = unquantizedQatModel(weights)) {
            Map<String, float[]> tensors = new HashMap<>();
            ((QatCrnnBlock) model.getBlock()).observer = tensors::put;
            forward(model, clips, weights.config());
            return tensors;
        }
    }

    private static Model unquantizedQatModel(CrnnWeights weights) {
        DjlRuntime.engine();
        Model model = Model.newInstance("qat-float", Device.cpu(), DjlRuntime.ENGINE);
        QatCrnnBlock block = QatCrnnBlock.unquantized(weights.config());
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, CrnnBlock.inputShape(weights.config(), 1));
        block.load(weights);
        return model;
    }

    private static float[] forward(Model model, float[][] clips, CrnnConfig config) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            float[] batch = new float[0];
            for (float[] clip : clips) {
                batch = concat(batch, clip);
            }
            Block block = model.getBlock();
            NDList x = new NDList(manager.create(batch, CrnnBlock.inputShape(config, clips.length)));
            return block.forward(new ParameterStore(manager, false), x, false).singletonOrThrow().toFloatArray();
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double allowed = TOLERANCE * largestMagnitude(expected);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], allowed, what + " [" + i + "]");
        }
    }

    private static double largestMagnitude(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
