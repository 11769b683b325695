package dev.hark.trainer.prune;

/**
 * How {@link Pruner} prunes before it fine-tunes.
 *
 * @param amount          the fractions of conv channels and GRU units removed
 * @param criterion       what ranks them
 * @param activationClips how many training clips (evenly spaced over the set, as epoch 0 sees them) the
 *                        {@link PruningCriterion#ACTIVATION_L1} criterion runs; positive
 */
public record PruningOptions(PruningAmount amount, PruningCriterion criterion, int activationClips) {
    /** Clips the activation criterion averages over unless told otherwise: enough for a stable mean. */
    public static final int DEFAULT_ACTIVATION_CLIPS = 256;

    public PruningOptions {
        if (amount == null || criterion == null || activationClips < 1) {
            throw new IllegalArgumentException("pruning options: an amount, a criterion and a positive number of"
                    + " activation clips are required, got " + amount + ", " + criterion + ", " + activationClips);
        }
    }

    public static PruningOptions of(PruningAmount amount, PruningCriterion criterion) {
        return new PruningOptions(amount, criterion, DEFAULT_ACTIVATION_CLIPS);
    }
}
