package dev.hark.trainer.train;

import java.util.List;

/**
 * The training clips as the trainer sees them, epoch by epoch: plain cached features, or features recomputed from
 * augmented audio each epoch. Implementations must be deterministic in {@code (index, epoch)} for a given seed, so
 * that a resumed run sees exactly the clips an uninterrupted run would have seen, and thread-safe.
 */
public interface TrainingFeatures {
    int size();

    /** Class of clip {@code index} (1 = keyword); never changes with the epoch. */
    int label(int index);

    /** Int8 front-end features {@code [frames][mels]} of clip {@code index} as seen in {@code epoch} (0-based). */
    byte[] features(int index, int epoch);

    /** Fixed features, the same every epoch. */
    static TrainingFeatures of(List<Example> examples) {
        return new TrainingFeatures() {
            @Override
            public int size() {
                return examples.size();
            }

            @Override
            public int label(int index) {
                return examples.get(index).label();
            }

            @Override
            public byte[] features(int index, int epoch) {
                return examples.get(index).features();
            }
        };
    }
}
