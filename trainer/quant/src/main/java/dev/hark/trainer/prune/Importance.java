package dev.hark.trainer.prune;

import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;

/**
 * How much each prunable part of a CRNN matters, by a {@link PruningCriterion}; larger is more important.
 *
 * @param convChannels one value per convolution output channel
 * @param gruUnits     per GRU layer, one value per hidden unit
 * @param attention    one value per attention unit (empty without attention); always {@code |w2_j|} times the
 *                     L1 norm of the unit's row of {@code W1} (by weights) or its mean {@code |tanh(energy_j)|}
 *                     (by activations): a unit the score ignores matters nothing
 */
public record Importance(double[] convChannels, double[][] gruUnits, double[] attention) {

    /** {@link PruningCriterion#WEIGHT_L1}: the norms of the weights alone. */
    public static Importance ofWeights(CrnnWeights weights) {
        CrnnConfig c = weights.config();
        int h = c.gruHidden();
        double[] conv = rowNorms(weights.get("conv.weight"), c.convChannels());
        double[][] gru = new double[c.gruLayers()][h];
        for (int layer = 0; layer < c.gruLayers(); layer++) {
            for (String gate : CrnnWeights.GATES) {
                add(gru[layer], rowNorms(weights.get(CrnnWeights.gruName(layer, "w_ih_" + gate)), h));
                add(gru[layer], rowNorms(weights.get(CrnnWeights.gruName(layer, "w_hh_" + gate)), h));
            }
        }
        double[] attention = new double[0];
        if (c.attention()) {
            attention = rowNorms(weights.get("att.w1"), h);
            scaleByScore(attention, weights);
        }
        return new Importance(conv, gru, attention);
    }

    /**
     * {@link PruningCriterion#ACTIVATION_L1}: mean absolute outputs of the float network over {@code clips}.
     *
     * @param clips dequantized feature clips ({@code [frames][mels]} each), typically training clips
     * @throws IllegalArgumentException if there are no clips
     */
    public static Importance ofActivations(CrnnWeights weights, List<float[]> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("pruning by activations needs at least one clip");
        }
        CrnnConfig c = weights.config();
        int channels = c.convChannels();
        int h = c.gruHidden();
        double[] conv = new double[channels];
        double[][] gru = new double[c.gruLayers()][h];
        double[] attention = new double[c.attention() ? h : 0];
        FloatCrnn net = new FloatCrnn(weights);
        for (float[] clip : clips) {
            net.forward(clip, (name, values) -> {
                if (name.equals("conv")) {
                    addAbsolute(conv, values);
                } else if (name.equals("att.energy")) {
                    for (int i = 0; i < values.length; i++) {
                        attention[i % h] += Math.abs(Math.tanh(values[i]));
                    }
                } else if (name.startsWith("gru") && name.indexOf('.') < 0) {
                    addAbsolute(gru[Integer.parseInt(name.substring(3)) - 1], values);
                }
            });
        }
        scaleByScore(attention, weights);
        return new Importance(conv, gru, attention);
    }

    /** Adds {@code |values[i]|} to {@code sums[i % sums.length]}: the channel is the fastest index. */
    private static void addAbsolute(double[] sums, float[] values) {
        for (int i = 0; i < values.length; i++) {
            sums[i % sums.length] += Math.abs(values[i]);
        }
    }

    private static void scaleByScore(double[] attention, CrnnWeights weights) {
        if (attention.length == 0) {
            return;
        }
        float[] w2 = weights.get("att.w2");
        for (int j = 0; j < attention.length; j++) {
            attention[j] *= Math.abs(w2[j]);
        }
    }

    /** The L1 norm of each of {@code rows} equal rows of a row-major matrix. */
    static double[] rowNorms(float[] matrix, int rows) {
        int cols = matrix.length / rows;
        double[] norms = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int k = r * cols; k < (r + 1) * cols; k++) {
                norms[r] += Math.abs(matrix[k]);
            }
        }
        return norms;
    }

    private static void add(double[] sums, double[] more) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += more[i];
        }
    }
}
