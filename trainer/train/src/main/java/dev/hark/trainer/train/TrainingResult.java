package dev.hark.trainer.train;

import java.util.List;

/**
 * The outcome of {@link CrnnTrainer#train}: every epoch's numbers and which epoch's parameters the model now
 * holds.
 *
 * @param history   one entry per epoch, in order
 * @param bestEpoch the 1-based epoch whose parameters were kept (see {@link EpochStats#betterThan})
 */
public record TrainingResult(List<EpochStats> history, int bestEpoch) {
    public TrainingResult {
        history = List.copyOf(history);
        if (bestEpoch < 1 || bestEpoch > history.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " outside 1.." + history.size());
        }
    }

    /** The kept epoch's numbers: the model's dev loss, accuracy and au_fa_fr. */
    public EpochStats best() {
        return history.get(bestEpoch - 1);
    }

    /** Mean wall time per epoch in seconds. */
    public double secondsPerEpoch() {
        return history.stream().mapToDouble(EpochStats::seconds).average().orElse(0);
    }
}
