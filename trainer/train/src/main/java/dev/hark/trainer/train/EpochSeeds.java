package dev.hark.trainer.train;

/**
 * Per-epoch seeds derived from the run's seed. Every random choice of an epoch (the shuffling order; an
 * augmentation's draws) depends only on {@code (seed, epoch)}, never on how many epochs this process has run,
 * so an epoch replayed after a crash draws exactly what it drew the first time.
 */
public final class EpochSeeds {
    private EpochSeeds() {
    }

    /** The shuffling seed of 0-based {@code epoch}. */
    public static long sampler(long seed, int epoch) {
        return mix(seed * 0x9E3779B97F4A7C15L + epoch + 1);
    }

    /** SplitMix64's finalizer: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
