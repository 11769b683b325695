package dev.hark.trainer.floatref;

import dev.hark.trainer.model.CrnnConfig;
import java.util.Arrays;

/**
 * The CRNN in plain Java, independent of DJL: the float reference the quantizer calibrates on and the integer
 * network is checked against. Dot products accumulate in double; every tensor is rounded to float, as in a
 * float32 framework, so logits of order 1 agree with DJL's to a few 1e-6.
 *
 * <p>{@link #forward(float[], TensorObserver)} reports each tensor the integer network materializes, in this
 * order (T' = conv steps, H = GRU hidden, C = conv channels, F' = conv mel positions):
 *
 * <table>
 *   <caption>Reported tensors</caption>
 *   <tr><th>name</th><th>values</th><th>reported</th></tr>
 *   <tr><td>{@code input}</td><td>{@code [T][mels]}</td><td>once</td></tr>
 *   <tr><td>{@code conv}</td><td>{@code [T'][F'][C]}, i.e. index {@code (t * F' + f) * C + c}</td><td>once</td></tr>
 *   <tr><td>{@code gru<l>.gx_r}, {@code .gx_z}, {@code .gx_n}</td><td>{@code [H]}: {@code W_i? x_t + b_i?}</td>
 *       <td>per step</td></tr>
 *   <tr><td>{@code gru<l>.gh_r}, {@code .gh_z}, {@code .gh_n}</td><td>{@code [H]}: {@code W_h? h_{t-1} + b_h?}</td>
 *       <td>per step</td></tr>
 *   <tr><td>{@code gru<l>.pre_r}, {@code .pre_z}</td><td>{@code [H]}: {@code gx + gh}</td><td>per step</td></tr>
 *   <tr><td>{@code gru<l>.r_hn}</td><td>{@code [H]}: {@code r * gh_n}</td><td>per step</td></tr>
 *   <tr><td>{@code gru<l>.pre_n}</td><td>{@code [H]}: {@code gx_n + r_hn}</td><td>per step</td></tr>
 *   <tr><td>{@code gru<l>}</td><td>{@code [T'][H]}: every step's h</td><td>once per layer, after its last
 *       step</td></tr>
 *   <tr><td>{@code att.energy}</td><td>{@code [T'][H]}: {@code W1 h_t + b1} before tanh</td><td>once (attention
 *       only)</td></tr>
 *   <tr><td>{@code att.score}</td><td>{@code [T']}</td><td>once (attention only)</td></tr>
 *   <tr><td>{@code context}</td><td>{@code [H]}: attention-weighted sum, or the last h</td><td>once</td></tr>
 *   <tr><td>{@code logits}</td><td>{@code [classes]}</td><td>once</td></tr>
 *   <tr><td>{@code probs}</td><td>{@code [classes]}: softmax of logits</td><td>once</td></tr>
 * </table>
 *
 * <p>Per-step tensors arrive T' times per layer, step 0 first; the whole-sequence {@code gru<l>} is reported
 * once so that calibration sees each step's output exactly once. Layers are numbered from 1. Instances are
 * immutable and thread-safe.
 */
public final class FloatCrnn {
    private final CrnnConfig config;
    private final CrnnWeights weights;

    public FloatCrnn(CrnnWeights weights) {
        this.config = weights.config();
        this.weights = weights;
    }

    public CrnnConfig config() {
        return config;
    }

    /** Logits of one clip; see {@link #forward(float[], TensorObserver)}. */
    public float[] forward(float[] features) {
        return forward(features, TensorObserver.NONE);
    }

    /**
     * Runs one clip and returns its logits {@code [classes]} (class 1 = keyword).
     *
     * @param features {@code [frames][mels]} row-major, the dequantized front-end features
     * @param observer receives every intermediate tensor (see the class comment)
     * @throws IllegalArgumentException if {@code features} does not hold frames * mels values
     */
    public float[] forward(float[] features, TensorObserver observer) {
        if (features.length != config.featuresPerClip()) {
            throw new IllegalArgumentException("float CRNN: expected " + config.frames() + " x " + config.mels()
                    + " = " + config.featuresPerClip() + " features, got " + features.length);
        }
        observer.observe("input", features.clone());
        int steps = config.convSteps();
        float[] sequence = conv(features, steps);
        observer.observe("conv", sequence.clone());
        int width = config.gruInputSize();
        for (int layer = 0; layer < config.gruLayers(); layer++) {
            sequence = gruLayer(layer, sequence, steps, width, new float[config.gruHidden()], observer);
            width = config.gruHidden();
            observer.observe("gru" + (layer + 1), sequence.clone());
        }
        float[] context = config.attention() ? attention(sequence, steps, observer) : lastStep(sequence, steps);
        observer.observe("context", context.clone());
        float[] logits = classify(context);
        observer.observe("logits", logits.clone());
        observer.observe("probs", softmax(logits));
        return logits;
    }

    /** Softmax computed in double, shifted by the maximum for stability. */
    public static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = (float) (e[i] / sum);
        }
        return out;
    }

    /** The classifier's logits for a pooled context. */
    float[] classify(float[] context) {
        return affine(weights.raw("fc.w"), weights.raw("fc.b"), context, 0, context.length);
    }

    /** Valid convolution over {@code steps} output rows, one input channel, output [steps][F'][C]. */
    float[] conv(float[] x, int steps) {
        int c = config.convChannels();
        int kt = config.kernelTime();
        int km = config.kernelMel();
        int mels = config.mels();
        int positions = config.convMelPositions();
        float[] w = weights.raw("conv.weight"); // [C][KT][KM][1]
        float[] b = weights.raw("conv.bias");
        float[] out = new float[steps * positions * c];
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < positions; f++) {
                for (int ch = 0; ch < c; ch++) {
                    double acc = b[ch];
                    for (int i = 0; i < kt; i++) {
                        int row = (t * config.strideTime() + i) * mels + f * config.strideMel();
                        int wRow = (ch * kt + i) * km;
                        for (int j = 0; j < km; j++) {
                            acc += (double) w[wRow + j] * x[row + j];
                        }
                    }
                    out[(t * positions + f) * c + ch] = (float) acc;
                }
            }
        }
        return out;
    }

    /**
     * One GRU layer over a sequence [steps][width] from the hidden state {@code state}, which it leaves holding the
     * last step's; returns [steps][H].
     */
    float[] gruLayer(int layer, float[] in, int steps, int width, float[] state, TensorObserver observer) {
        int h = config.gruHidden();
        String p = "gru" + (layer + 1) + ".";
        float[][] wIh = new float[3][];
        float[][] wHh = new float[3][];
        float[][] bIh = new float[3][];
        float[][] bHh = new float[3][];
        for (int g = 0; g < 3; g++) {
            String gate = CrnnWeights.GATES.get(g);
            wIh[g] = weights.raw(p + "w_ih_" + gate);
            wHh[g] = weights.raw(p + "w_hh_" + gate);
            bIh[g] = weights.raw(p + "b_ih_" + gate);
            bHh[g] = weights.raw(p + "b_hh_" + gate);
        }
        float[] out = new float[steps * h];
        for (int t = 0; t < steps; t++) {
            float[][] gx = new float[3][];
            float[][] gh = new float[3][];
            for (int g = 0; g < 3; g++) {
                gx[g] = affine(wIh[g], bIh[g], in, t * width, width);
            }
            for (int g = 0; g < 3; g++) {
                gh[g] = affine(wHh[g], bHh[g], state, 0, h);
            }
            float[] preR = new float[h];
            float[] preZ = new float[h];
            float[] rHn = new float[h];
            float[] preN = new float[h];
            float[] next = new float[h];
            for (int k = 0; k < h; k++) {
                preR[k] = gx[0][k] + gh[0][k];
                preZ[k] = gx[1][k] + gh[1][k];
                float r = sigmoid(preR[k]);
                float z = sigmoid(preZ[k]);
                rHn[k] = r * gh[2][k];
                preN[k] = gx[2][k] + rHn[k];
                float n = (float) Math.tanh(preN[k]);
                next[k] = (float) ((1.0 - z) * n + (double) z * state[k]);
            }
            observer.observe(p + "gx_r", gx[0]);
            observer.observe(p + "gx_z", gx[1]);
            observer.observe(p + "gx_n", gx[2]);
            observer.observe(p + "gh_r", gh[0]);
            observer.observe(p + "gh_z", gh[1]);
            observer.observe(p + "gh_n", gh[2]);
            observer.observe(p + "pre_r", preR);
            observer.observe(p + "pre_z", preZ);
            observer.observe(p + "r_hn", rHn);
            observer.observe(p + "pre_n", preN);
            System.arraycopy(next, 0, out, t * h, h);
            System.arraycopy(next, 0, state, 0, h);
        }
        return out;
    }

    /** Attention pooling over a sequence [steps][H]. */
    float[] attention(float[] seq, int steps, TensorObserver observer) {
        int h = config.gruHidden();
        float[] w1 = weights.raw("att.w1");
        float[] b1 = weights.raw("att.b1");
        float[] w2 = weights.raw("att.w2");
        float[] b2 = weights.raw("att.b2");
        float[] energy = new float[steps * h];
        float[] score = new float[steps];
        for (int t = 0; t < steps; t++) {
            float[] e = affine(w1, b1, seq, t * h, h);
            System.arraycopy(e, 0, energy, t * h, h);
            float[] tanh = new float[h];
            for (int k = 0; k < h; k++) {
                tanh[k] = (float) Math.tanh(e[k]);
            }
            score[t] = affine(w2, b2, tanh, 0, h)[0];
        }
        observer.observe("att.energy", energy);
        observer.observe("att.score", score.clone());
        float[] alpha = softmax(score);
        float[] context = new float[h];
        for (int k = 0; k < h; k++) {
            double acc = 0;
            for (int t = 0; t < steps; t++) {
                acc += (double) alpha[t] * seq[t * h + k];
            }
            context[k] = (float) acc;
        }
        return context;
    }

    private float[] lastStep(float[] seq, int steps) {
        int h = config.gruHidden();
        return Arrays.copyOfRange(seq, (steps - 1) * h, steps * h);
    }

    /** {@code W x + b} with W [rows][n] row-major and x = in[offset .. offset + n). */
    private static float[] affine(float[] w, float[] b, float[] in, int offset, int n) {
        float[] out = new float[b.length];
        for (int r = 0; r < b.length; r++) {
            double acc = b[r];
            int row = r * n;
            for (int k = 0; k < n; k++) {
                acc += (double) w[row + k] * in[offset + k];
            }
            out[r] = (float) acc;
        }
        return out;
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
