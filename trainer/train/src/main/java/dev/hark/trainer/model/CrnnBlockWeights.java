package dev.hark.trainer.model;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.hark.trainer.floatref.CrnnWeights;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the parameters of a trained {@link CrnnBlock} out of DJL into plain {@link CrnnWeights}, the form the
 * float reference and the quantizer take. This is the one place where a DJL network becomes DJL-free.
 */
public final class CrnnBlockWeights {
    private CrnnBlockWeights() {
    }

    /** The weights of the model's {@link CrnnBlock}; see {@link #read(Block, CrnnConfig)}. */
    public static CrnnWeights read(Model model, CrnnConfig config) {
        return read(model.getBlock(), config);
    }

    /**
     * Copies the parameters of an initialized {@link CrnnBlock} into named float arrays. DJL's GRU stacks the
     * gates as rows r, z, n of {@code [3H][in]} matrices and keeps b_ih and b_hh apart, as PyTorch does; the
     * convolution weight {@code [C][1][KT][KM]} has the same element order as {@code [C][KT][KM][1]}. The
     * config's input standardization is folded into the convolution: {@code w' = w / std},
     * {@code b' = b - (mean / std) * sum(w)} per output channel.
     *
     * @throws IllegalArgumentException if the block is not a CrnnBlock built from {@code config}, or is not
     *                                  initialized
     */
    public static CrnnWeights read(Block block, CrnnConfig config) {
        if (!(block instanceof CrnnBlock crnn)) {
            throw new IllegalArgumentException("weights: expected a CrnnBlock, got "
                    + (block == null ? "null" : block.getClass().getSimpleName()));
        }
        if (!crnn.config().equals(config)) {
            throw new IllegalArgumentException("weights: the block was built for " + crnn.config()
                    + ", not " + config);
        }
        if (!crnn.isInitialized()) {
            throw new IllegalArgumentException("weights: the CrnnBlock has no parameters yet (not initialized)");
        }
        int h = config.gruHidden();
        Map<String, float[]> v = new LinkedHashMap<>();
        float[] convWeight = values(crnn.conv().getDirectParameters(), "weight");
        float[] convBias = values(crnn.conv().getDirectParameters(), "bias");
        foldInputNormalization(config, convWeight, convBias);
        v.put("conv.weight", convWeight);
        v.put("conv.bias", convBias);
        ParameterList gru = crnn.gru().getDirectParameters();
        for (int layer = 0; layer < config.gruLayers(); layer++) {
            float[] wIh = values(gru, "l_" + layer + "_i2h_WEIGHT");
            float[] wHh = values(gru, "l_" + layer + "_h2h_WEIGHT");
            float[] bIh = values(gru, "l_" + layer + "_i2h_BIAS");
            float[] bHh = values(gru, "l_" + layer + "_h2h_BIAS");
            int in = wIh.length / (3 * h);
            for (int g = 0; g < 3; g++) {
                String gate = CrnnWeights.GATES.get(g);
                v.put(gruName(layer, "w_ih_", gate), Arrays.copyOfRange(wIh, g * h * in, (g + 1) * h * in));
                v.put(gruName(layer, "w_hh_", gate), Arrays.copyOfRange(wHh, g * h * h, (g + 1) * h * h));
                v.put(gruName(layer, "b_ih_", gate), Arrays.copyOfRange(bIh, g * h, (g + 1) * h));
                v.put(gruName(layer, "b_hh_", gate), Arrays.copyOfRange(bHh, g * h, (g + 1) * h));
            }
        }
        if (config.attention()) {
            AttentionPooling att = (AttentionPooling) crnn.pooling();
            v.put("att.w1", values(att.energy().getDirectParameters(), "weight"));
            v.put("att.b1", values(att.energy().getDirectParameters(), "bias"));
            v.put("att.w2", values(att.score().getDirectParameters(), "weight"));
            v.put("att.b2", values(att.score().getDirectParameters(), "bias"));
        }
        v.put("fc.w", values(crnn.fc().getDirectParameters(), "weight"));
        v.put("fc.b", values(crnn.fc().getDirectParameters(), "bias"));
        return CrnnWeights.of(config, v);
    }

    /**
     * Rewrites {@code conv((x - mean) / std)} as {@code conv'(x)}: {@code w' = w / std},
     * {@code b' = b - (mean / std) * sum(w)}, per output channel. Exact in real arithmetic because the
     * convolution has no padding, so every tap always sees a real feature.
     */
    private static void foldInputNormalization(CrnnConfig config, float[] weight, float[] bias) {
        if (!config.standardizesInput()) {
            return;
        }
        int taps = weight.length / bias.length;
        double mean = config.inputMean();
        double std = config.inputStd();
        for (int c = 0; c < bias.length; c++) {
            double sum = 0;
            for (int k = c * taps; k < (c + 1) * taps; k++) {
                sum += weight[k];
                weight[k] = (float) (weight[k] / std);
            }
            bias[c] = (float) (bias[c] - mean / std * sum);
        }
    }

    private static String gruName(int layer, String role, String gate) {
        return CrnnWeights.gruName(layer, role + gate);
    }

    private static float[] values(ParameterList parameters, String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("weights: DJL block has no parameter " + name + " (has "
                    + parameters.keys() + ")");
        }
        return p.getArray().toFloatArray();
    }
}
