package dev.hark.trainer.prune;

import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Structured pruning of a CRNN: whole convolution output channels and whole GRU hidden units go, so the result is
 * a smaller {@link CrnnConfig} (fewer channels, a smaller hidden size) that every later stage treats like any other
 * model: fewer parameters, fewer MACs, fewer bytes in the generated C.
 *
 * <p>What goes with a removed part:
 * <ul>
 *   <li>conv channel {@code c}: its filter and bias, and in the first GRU layer's {@code W_ih} (all three gates)
 *       the input column {@code f * C + c} of every mel position {@code f};</li>
 *   <li>GRU unit {@code j} of layer {@code l}: its row in all three gates (r, z, n) of {@code W_ih}, {@code W_hh},
 *       {@code b_ih} and {@code b_hh}; its column of {@code W_hh}; and the input column {@code j} of whatever reads
 *       the layer: the next layer's {@code W_ih}, or after the last layer the attention's {@code W1} and the
 *       classifier;</li>
 *   <li>the attention's hidden size is the GRU's, so as many attention units go, the least important
 *       ({@link Importance#attention()}): their row of {@code W1}, entry of {@code b1} and column of {@code w2}.</li>
 * </ul>
 * Every layer may lose different units, but as many: the config has one hidden size for all layers. The kept parts
 * stay in their original order. Ties in importance keep the lower index.
 */
public final class StructuredPruning {
    private StructuredPruning() {
    }

    /**
     * What was kept, by index into the original network.
     *
     * @param weights           the pruned network
     * @param convChannels      the kept convolution channels, ascending
     * @param gruUnits          per layer, the kept hidden units, ascending
     * @param attentionUnits    the kept attention units, ascending (empty without attention)
     */
    public record Pruned(CrnnWeights weights, int[] convChannels, int[][] gruUnits, int[] attentionUnits) {
    }

    /**
     * @throws IllegalArgumentException if {@code importance} does not match the network's shape
     */
    public static Pruned prune(CrnnWeights weights, PruningAmount amount, Importance importance) {
        CrnnConfig c = weights.config();
        checkShape(c, importance);
        int[] channels = mostImportant(importance.convChannels(), amount.keptChannels(c.convChannels()));
        int hidden = amount.keptUnits(c.gruHidden());
        int[][] units = new int[c.gruLayers()][];
        for (int layer = 0; layer < c.gruLayers(); layer++) {
            units[layer] = mostImportant(importance.gruUnits()[layer], hidden);
        }
        int[] attentionUnits = c.attention() ? mostImportant(importance.attention(), hidden) : new int[0];
        CrnnConfig pruned = amount.prunedConfig(c);

        Map<String, float[]> v = new LinkedHashMap<>();
        int taps = c.kernelTime() * c.kernelMel();
        v.put("conv.weight", select(weights.get("conv.weight"), taps, channels, all(taps)));
        v.put("conv.bias", select(weights.get("conv.bias"), 1, channels, all(1)));
        int[] inputs = convOutputColumns(c, channels);
        int inputWidth = c.gruInputSize();
        for (int layer = 0; layer < c.gruLayers(); layer++) {
            int[] rows = units[layer];
            for (String gate : CrnnWeights.GATES) {
                String ih = CrnnWeights.gruName(layer, "w_ih_" + gate);
                String hh = CrnnWeights.gruName(layer, "w_hh_" + gate);
                String bih = CrnnWeights.gruName(layer, "b_ih_" + gate);
                String bhh = CrnnWeights.gruName(layer, "b_hh_" + gate);
                v.put(ih, select(weights.get(ih), inputWidth, rows, inputs));
                v.put(hh, select(weights.get(hh), c.gruHidden(), rows, rows));
                v.put(bih, select(weights.get(bih), 1, rows, all(1)));
                v.put(bhh, select(weights.get(bhh), 1, rows, all(1)));
            }
            inputs = rows;
            inputWidth = c.gruHidden();
        }
        if (c.attention()) {
            v.put("att.w1", select(weights.get("att.w1"), c.gruHidden(), attentionUnits, inputs));
            v.put("att.b1", select(weights.get("att.b1"), 1, attentionUnits, all(1)));
            v.put("att.w2", select(weights.get("att.w2"), c.gruHidden(), all(1), attentionUnits));
            v.put("att.b2", weights.get("att.b2"));
        }
        v.put("fc.w", select(weights.get("fc.w"), c.gruHidden(), all(c.classes()), inputs));
        v.put("fc.b", weights.get("fc.b"));
        return new Pruned(CrnnWeights.of(pruned, v), channels, units, attentionUnits);
    }

    /** The first GRU layer's input columns that carry the kept channels: {@code f * C + c}, in order. */
    private static int[] convOutputColumns(CrnnConfig c, int[] channels) {
        int[] columns = new int[c.convMelPositions() * channels.length];
        int i = 0;
        for (int f = 0; f < c.convMelPositions(); f++) {
            for (int channel : channels) {
                columns[i++] = f * c.convChannels() + channel;
            }
        }
        return columns;
    }

    /** The {@code count} indices of the largest values, ascending; equal values keep the lower index. */
    static int[] mostImportant(double[] importance, int count) {
        return IntStream.range(0, importance.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -importance[i]).thenComparingInt(i -> i))
                .limit(count).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The sub-matrix of a row-major matrix with {@code cols} columns at the given rows and columns. */
    private static float[] select(float[] matrix, int cols, int[] rows, int[] columns) {
        float[] out = new float[rows.length * columns.length];
        int i = 0;
        for (int r : rows) {
            for (int col : columns) {
                out[i++] = matrix[r * cols + col];
            }
        }
        return out;
    }

    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static void checkShape(CrnnConfig c, Importance importance) {
        boolean fits = importance.convChannels().length == c.convChannels()
                && importance.gruUnits().length == c.gruLayers()
                && Arrays.stream(importance.gruUnits()).allMatch(u -> u.length == c.gruHidden())
                && importance.attention().length == (c.attention() ? c.gruHidden() : 0);
        if (!fits) {
            throw new IllegalArgumentException("pruning: the importance values do not match the network " + c);
        }
    }
}
