package dev.hark.trainer.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.quant.PostTrainingQuantization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Structured pruning removes exactly what it says: a network whose doomed channels and units feed nothing gives the
 * same logits after pruning, under either criterion; and the pruned shapes chain through the quantizer, the
 * lowering's checks and the simulator.
 */
@Fast
class StructuredPruningTest {
    private static final TensorQuant INPUT = new TensorQuant(0.05f, -128);
    /** 101 x 40 input, 4 channels, two GRU layers of 8, attention. */
    private static final CrnnConfig SHAPE = CrnnConfig.builder().optConvChannels(4).optGruHidden(8).build();
    private static final PruningAmount HALF = PruningAmount.uniform(0.5);
    private static final int[] DEAD_CHANNELS = {1, 2};
    private static final int[][] DEAD_UNITS = {{0, 3, 5, 6}, {1, 2, 4, 7}};
    private static final int[] DEAD_ATTENTION = {0, 1, 6, 7};

    @Test
    void removingPartsThatFeedNothingKeepsTheLogitsByWeights() {
        CrnnWeights weights = withDeadParts(RandomCrnnWeights.of(SHAPE, 3, 0.05));
        assertPrunesTheDeadParts(weights, Importance.ofWeights(weights));
    }

    @Test
    void removingPartsThatFeedNothingKeepsTheLogitsByActivations() {
        CrnnWeights weights = withDeadParts(RandomCrnnWeights.of(SHAPE, 4, 0.05));
        assertPrunesTheDeadParts(weights, Importance.ofActivations(weights, floatClips(clips(6, 5))));
    }

    @Test
    void prunedShapesQuantizeLowerAndRunInTheSimulator() {
        for (CrnnConfig shape : List.of(SHAPE, SHAPE.toBuilder().optAttention(false).optGruLayers(1).build())) {
            CrnnWeights full = RandomCrnnWeights.of(shape, 7, 0.05);
            CrnnWeights pruned = StructuredPruning.prune(full, new PruningAmount(0.25, 0.5),
                    Importance.ofWeights(full)).weights();
            CrnnConfig c = pruned.config();
            assertEquals(3, c.convChannels());
            assertEquals(4, c.gruHidden());
            assertTrue(c.parameterCount() < shape.parameterCount());
            QuantizedModel model = PostTrainingQuantization.quantize(pruned, info(c), clips(20, 8), Rounding.DOUBLE);
            assertEquals(c.parameterCount(), model.parameterCount(), "every float parameter has an int8 twin");
            Lowering.lower(model); // throws if the layers do not fit together
            Trace trace = new NetworkSimulator(model).run(clips(1, 9).get(0));
            assertEquals(c.gruHidden() * c.convSteps(), trace.get("gru" + c.gruLayers()).length);
            assertEquals(c.classes(), trace.get("probs").length);
            assertEquals(shape, full.config(), "pruning leaves its input alone");
        }
    }

    @Test
    void pruningNeverEmptiesALayer() {
        CrnnWeights weights = RandomCrnnWeights.of(SHAPE, 10, 0.05);
        CrnnConfig c = StructuredPruning.prune(weights, PruningAmount.uniform(0.99), Importance.ofWeights(weights))
                .weights().config();
        assertEquals(1, c.convChannels());
        assertEquals(1, c.gruHidden());
    }

    @Test
    void importanceOfAnotherShapeIsRefused() {
        CrnnWeights weights = RandomCrnnWeights.of(SHAPE, 11, 0.05);
        Importance other = Importance.ofWeights(RandomCrnnWeights.of(SHAPE.toBuilder().optGruHidden(6).build(), 1));
        assertThrows(IllegalArgumentException.class, () -> StructuredPruning.prune(weights, HALF, other));
        assertThrows(IllegalArgumentException.class, () -> new PruningAmount(1.0, 0.2));
    }

    private static void assertPrunesTheDeadParts(CrnnWeights weights, Importance importance) {
        StructuredPruning.Pruned pruned = StructuredPruning.prune(weights, HALF, importance);
        assertArrayEquals(complement(DEAD_CHANNELS, 4), pruned.convChannels());
        for (int layer = 0; layer < 2; layer++) {
            assertArrayEquals(complement(DEAD_UNITS[layer], 8), pruned.gruUnits()[layer], "layer " + layer);
        }
        assertArrayEquals(complement(DEAD_ATTENTION, 8), pruned.attentionUnits());
        CrnnConfig c = pruned.weights().config();
        assertEquals(SHAPE.toBuilder().optConvChannels(2).optGruHidden(4).build(), c);
        FloatCrnn before = new FloatCrnn(weights);
        FloatCrnn after = new FloatCrnn(pruned.weights());
        for (float[] clip : floatClips(clips(5, 12))) {
            assertArrayEquals(before.forward(clip), after.forward(clip), 1e-5f);
        }
    }

    /**
     * The doomed parts made unimportant (incoming weights and biases scaled by 1e-3, an attention unit's score
     * weight 0) and without effect (every weight that reads them 0), so removing them changes no logit.
     */
    private static CrnnWeights withDeadParts(CrnnWeights weights) {
        CrnnConfig c = weights.config();
        int h = c.gruHidden();
        Map<String, float[]> v = new HashMap<>();
        weights.names().forEach(name -> v.put(name, weights.get(name)));
        int taps = c.kernelTime() * c.kernelMel();
        for (int channel : DEAD_CHANNELS) {
            scaleRow(v.get("conv.weight"), taps, channel, 1e-3f);
            scaleRow(v.get("conv.bias"), 1, channel, 1e-3f);
            for (String gate : CrnnWeights.GATES) {
                for (int f = 0; f < c.convMelPositions(); f++) {
                    zeroColumn(v.get(CrnnWeights.gruName(0, "w_ih_" + gate)), c.gruInputSize(),
                            f * c.convChannels() + channel);
                }
            }
        }
        for (int layer = 0; layer < c.gruLayers(); layer++) {
            int width = layer == 0 ? c.gruInputSize() : h;
            for (int unit : DEAD_UNITS[layer]) {
                for (String gate : CrnnWeights.GATES) {
                    scaleRow(v.get(CrnnWeights.gruName(layer, "w_ih_" + gate)), width, unit, 1e-3f);
                    scaleRow(v.get(CrnnWeights.gruName(layer, "w_hh_" + gate)), h, unit, 1e-3f);
                    scaleRow(v.get(CrnnWeights.gruName(layer, "b_ih_" + gate)), 1, unit, 1e-3f);
                    scaleRow(v.get(CrnnWeights.gruName(layer, "b_hh_" + gate)), 1, unit, 1e-3f);
                    zeroColumn(v.get(CrnnWeights.gruName(layer, "w_hh_" + gate)), h, unit);
                    if (layer + 1 < c.gruLayers()) {
                        zeroColumn(v.get(CrnnWeights.gruName(layer + 1, "w_ih_" + gate)), h, unit);
                    }
                }
                if (layer + 1 == c.gruLayers()) {
                    zeroColumn(v.get("att.w1"), h, unit);
                    zeroColumn(v.get("fc.w"), h, unit);
                }
            }
        }
        for (int unit : DEAD_ATTENTION) {
            v.get("att.w2")[unit] = 0f;
        }
        return CrnnWeights.of(c, v);
    }

    private static void scaleRow(float[] matrix, int cols, int row, float factor) {
        for (int k = row * cols; k < (row + 1) * cols; k++) {
            matrix[k] *= factor;
        }
    }

    private static void zeroColumn(float[] matrix, int cols, int column) {
        for (int k = column; k < matrix.length; k += cols) {
            matrix[k] = 0f;
        }
    }

    private static int[] complement(int[] removed, int n) {
        Set<Integer> gone = new java.util.HashSet<>();
        for (int r : removed) {
            gone.add(r);
        }
        return IntStream.range(0, n).filter(i -> !gone.contains(i)).toArray();
    }

    private static List<byte[]> clips(int n, long seed) {
        Random random = new Random(seed);
        List<byte[]> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] f = new byte[SHAPE.featuresPerClip()];
            for (int k = 0; k < f.length; k++) {
                f[k] = (byte) (-128 + random.nextInt(200));
            }
            clips.add(f);
        }
        return clips;
    }

    private static List<float[]> floatClips(List<byte[]> clips) {
        return clips.stream().map(clip -> InputFeatures.dequantize(clip, INPUT)).toList();
    }

    private static ModelInfo info(CrnnConfig config) {
        return new ModelInfo("pruned", "sheila", List.of("other", "sheila"), config.frames(), config.mels(), INPUT,
                "hark-logmel-v1", "test");
    }
}
