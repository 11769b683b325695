package dev.hark.trainer.eval;

import dev.hark.trainer.model.CrnnConfig;

/**
 * Multiply-accumulates of one forward pass over one clip, by part (see docs/metrics.md).
 *
 * <p>Counted as the common PyTorch counter ({@code thop}) counts them, so figures compare with published ones:
 * <ul>
 *   <li>{@code conv}: one MAC per kernel tap per output value, {@code T' F' C kt km} (bias adds not counted);</li>
 *   <li>{@code gruProjections}: per step and layer {@code 3 H (in + H)}, the six gate matrices;</li>
 *   <li>{@code gruElementwise}: per step and layer {@code 13 H}: the six bias adds, the two pre-activation adds
 *       of r and z, r * (W_hn h + b_hn), its add, and the three operations of {@code (1 - z) n + z h}
 *       (sigmoid/tanh themselves are table look-ups and not counted);</li>
 *   <li>{@code attention}: the energy projection {@code T' H H}, the score {@code T' H} and the weighted sum of
 *       the GRU outputs {@code T' H} (0 without attention);</li>
 *   <li>{@code classifier}: {@code classes H}.</li>
 * </ul>
 *
 * @param conv           convolution MACs
 * @param gruProjections GRU matrix-vector MACs, all layers and steps
 * @param gruElementwise GRU element-wise operations (bias adds and gate products)
 * @param attention      attention pooling MACs
 * @param classifier     final linear layer MACs
 */
public record MacCount(long conv, long gruProjections, long gruElementwise, long attention, long classifier) {
    /** GRU element-wise operations per hidden unit and step; see the class comment. */
    public static final int GRU_ELEMENTWISE_PER_UNIT = 13;

    public static MacCount of(CrnnConfig c) {
        long steps = c.convSteps();
        long h = c.gruHidden();
        long conv = steps * c.convMelPositions() * c.convChannels() * (long) c.kernelTime() * c.kernelMel();
        long projections = 0;
        for (int layer = 0; layer < c.gruLayers(); layer++) {
            long in = layer == 0 ? c.gruInputSize() : h;
            projections += steps * 3 * h * (in + h);
        }
        long elementwise = steps * c.gruLayers() * GRU_ELEMENTWISE_PER_UNIT * h;
        long attention = c.attention() ? steps * h * h + steps * h + steps * h : 0;
        long classifier = (long) c.classes() * h;
        return new MacCount(conv, projections, elementwise, attention, classifier);
    }

    /** Everything: the headline figure. */
    public long total() {
        return conv + gruProjections + gruElementwise + attention + classifier;
    }

    /** Only the products with weights (or attention weights): the figure without the GRU's element-wise work. */
    public long matrixMacs() {
        return conv + gruProjections + attention + classifier;
    }
}
