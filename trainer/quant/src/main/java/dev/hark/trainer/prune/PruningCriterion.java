package dev.hark.trainer.prune;

/** What ranks channels and units for {@link StructuredPruning}: the least important are removed. */
public enum PruningCriterion {
    /**
     * The L1 norm of the weights that make the channel or unit: a conv channel's filter; a GRU unit's rows in
     * all three gates (r, z, n) of {@code W_ih} and {@code W_hh}. Needs no data.
     */
    WEIGHT_L1,
    /**
     * The mean absolute value of the channel's or unit's output on training clips (the float reference's
     * {@code conv} and {@code gru<l>} tensors): a channel that barely moves contributes little downstream,
     * whatever its weights.
     */
    ACTIVATION_L1
}
