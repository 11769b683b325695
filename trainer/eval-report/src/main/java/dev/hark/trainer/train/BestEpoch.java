package dev.hark.trainer.train;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * How every trainer keeps its best epoch: an epoch replaces the kept one only when strictly better, so of equally
 * good epochs the earliest stays. Holds the best epoch's numbers and what was kept from it (parameters, weights, a
 * converted model); what "better" means is the caller's ({@link EpochStats#betterThan} for the float trainer).
 *
 * @param <S> an epoch's numbers
 * @param <K> what is kept from the best epoch
 */
public final class BestEpoch<S, K> {
    private final BiPredicate<S, S> better;
    private S epoch;
    private K kept;

    /** @param better whether its first argument is a better epoch than its second */
    public BestEpoch(BiPredicate<S, S> better) {
        this.better = better;
    }

    /**
     * The epoch of {@code history} a trainer offered them in order would keep.
     *
     * @throws IllegalArgumentException if the history is empty
     */
    public static <S> S of(List<S> history, BiPredicate<S, S> better) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("best epoch: the history is empty");
        }
        BestEpoch<S, Void> best = new BestEpoch<>(better);
        history.forEach(e -> best.offer(e, () -> null));
        return best.epoch();
    }

    /**
     * Offers the latest epoch; it becomes the best if it is the first or better than the best so far.
     *
     * @param keep what to keep from it, asked for only when it becomes the best
     * @return whether it became the best
     */
    public boolean offer(S latest, Supplier<K> keep) {
        if (epoch != null && !better.test(latest, epoch)) {
            return false;
        }
        epoch = latest;
        kept = keep.get();
        return true;
    }

    /** Makes {@code best} the best epoch so far, e.g. when a run resumes from a checkpoint. */
    public void restore(S best, K keptFromIt) {
        epoch = best;
        kept = keptFromIt;
    }

    public boolean isEmpty() {
        return epoch == null;
    }

    /** The best epoch's numbers; null before the first offer. */
    public S epoch() {
        return epoch;
    }

    /** What was kept from the best epoch; null before the first offer. */
    public K kept() {
        return kept;
    }
}
