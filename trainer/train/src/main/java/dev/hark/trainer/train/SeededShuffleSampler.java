package dev.hark.trainer.train;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.Iterator;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Visits a dataset in a fresh random order each epoch, reproducibly: the n-th call to {@link #sample} returns
 * the same permutation for the same seed. DJL's own {@code RandomSampler} draws from the process-wide
 * {@code RandomUtils} generator, which anything else in the process may advance, so it cannot promise that.
 */
public final class SeededShuffleSampler implements Sampler.SubSampler {
    private final Random random;

    public SeededShuffleSampler(long seed) {
        random = new Random(seed);
    }

    @Override
    public synchronized Iterator<Long> sample(RandomAccessDataset dataset) {
        long[] order = LongStream.range(0, dataset.size()).toArray();
        for (int i = order.length - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return LongStream.of(order).iterator();
    }
}
