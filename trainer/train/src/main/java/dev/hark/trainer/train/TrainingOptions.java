package dev.hark.trainer.train;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to train. Build with {@link #builder()}; every setting is optional.
 *
 * @param epochs         passes over the training set (default 20)
 * @param batchSize      clips per batch (default 64)
 * @param learningRate   Adam's initial learning rate (default 3e-3, which assumes standardized input; see
 *                       {@link CrnnTrainer#train})
 * @param cosineDecay    lower the learning rate along a half cosine to 1/20 of its initial value by the last
 *                       update (default true); false keeps it fixed
 * @param seed           seeds parameter initialization's engine RNG and the shuffling (default 1)
 * @param balanceClasses weight the loss so that each class counts as much in total (default false)
 * @param progress       where progress lines go (default {@code System.err}); null for silence
 * @param runDirectory   where to keep checkpoints (default null: none). With a directory, a checkpoint is written
 *                       after every epoch, and a run that finds checkpoints there continues from the latest one
 *                       (see {@link RunDirectory}); a finished run is restored without training
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, boolean cosineDecay, long seed,
                              boolean balanceClasses, PrintStream progress, Path runDirectory) {
    public TrainingOptions {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("training options: epochs " + epochs + ", batch size " + batchSize
                    + " and learning rate " + learningRate + " must all be positive");
        }
    }

    public static TrainingOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TrainingOptions}. */
    public static final class Builder {
        private int epochs = 20;
        private int batchSize = 64;
        private float learningRate = 3e-3f;
        private boolean cosineDecay = true;
        private long seed = 1;
        private boolean balanceClasses;
        private PrintStream progress = System.err;
        private Path runDirectory;

        private Builder() {
        }

        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder optCosineDecay(boolean cosineDecay) {
            this.cosineDecay = cosineDecay;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optBalanceClasses(boolean balanceClasses) {
            this.balanceClasses = balanceClasses;
            return this;
        }

        /** @param progress where progress lines go; null for silence */
        public Builder optProgress(PrintStream progress) {
            this.progress = progress;
            return this;
        }

        /** @param runDirectory where checkpoints go and are resumed from; null for none */
        public Builder optRunDirectory(Path runDirectory) {
            this.runDirectory = runDirectory;
            return this;
        }

        /** @throws IllegalArgumentException if epochs, batch size or learning rate is not positive */
        public TrainingOptions build() {
            return new TrainingOptions(epochs, batchSize, learningRate, cosineDecay, seed, balanceClasses, progress,
                    runDirectory);
        }
    }
}
