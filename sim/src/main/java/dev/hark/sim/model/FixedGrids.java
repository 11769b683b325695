package dev.hark.sim.model;

/**
 * The int8 grids that are fixed by the network's arithmetic rather than calibrated, defined once for the quantizer,
 * the quantization-aware block, the lowering and the activation tables. Every other activation grid is calibrated.
 */
public final class FixedGrids {
    /** The GRU hidden state and the attention context: {@code [-1, 1)} in steps of 1/128, zero point 0. */
    public static final TensorQuant HIDDEN = new TensorQuant(1f / 128, 0);
    /** Outputs of the tanh tables: the same grid as the hidden state they feed. */
    public static final TensorQuant TANH = HIDDEN;
    /** Outputs of the sigmoid tables: {@code [0, 1)} in steps of 1/256, zero point -128. */
    public static final TensorQuant SIGMOID = new TensorQuant(1f / 256, -128);
    /** Outputs of {@code arm_softmax_s8}: {@code q + 128} is the probability in 1/256 steps. */
    public static final TensorQuant PROBABILITY = SIGMOID;

    private FixedGrids() {
    }
}
