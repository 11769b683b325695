package dev.hark.sim.model;

import java.util.List;

/**
 * Attention pooling over the GRU outputs {@code h[t]}: {@code e = tanh(W1 h + b1)}, {@code s = w2 e + b2},
 * {@code alpha = softmax_t(s)}, {@code context = sum_t alpha[t] h[t]}.
 *
 * <p>Integer form: {@code energy} and {@code score} are {@code arm_fully_connected_s8} over all steps, the tanh is
 * a table, the softmax is {@code arm_softmax_s8} over one row of {@code steps} scores (output scale 1/256, zero
 * point -128), and the weighted sum is one more {@code arm_fully_connected_s8} whose input is alpha
 * ({@code [1][steps]}, input offset 128) and whose "weights" are the GRU outputs transposed to
 * {@code [hidden][steps]} ({@link FullyConnected#weights()} is {@code null} for it). The hidden state has zero
 * point 0, so its use as a filter needs no filter offset.
 */
public record AttentionLayer(String name, int steps, int hiddenSize, FullyConnected energy, byte[] tanhEnergy,
                             FullyConnected score, int softmaxMult, int softmaxShift, int softmaxDiffMin,
                             FullyConnected context, TensorQuant output) implements Layer {
    public AttentionLayer {
        if (tanhEnergy.length != 256) {
            throw new IllegalArgumentException(name + ": the tanh table needs 256 entries");
        }
        if (context.weights() != null) {
            throw new IllegalArgumentException(name + ": the context sum takes its weights from the GRU outputs");
        }
    }

    @Override
    public List<TracedTensor> tracedOutputs() {
        return List.of(new TracedTensor(name + ".weights", steps, 1), new TracedTensor(name + ".context", hiddenSize, 1));
    }
}
