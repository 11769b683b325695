package dev.hark.trainer.stream;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Settings of fine-tuning for streaming ({@link StreamFineTuner}).
 *
 * @param epochs            passes, each over freshly drawn sequences
 * @param sequencesPerEpoch training sequences drawn per epoch
 * @param seconds           length of each sequence (the state is carried through it, from zero at its start)
 * @param batchSize         sequences side by side in one update
 * @param chunkSteps        steps between two updates: the truncation of backpropagation through time (the state
 *                          is carried across, its gradient is not)
 * @param learningRate      Adam's fixed learning rate; well below the clip training's, the network is trained
 * @param loss              how the steps' answers make the loss
 * @param seed              fixes every sequence drawn; the same seed gives the same run
 * @param runDirectory      where a checkpoint goes after every epoch so that a killed run continues, or null
 * @param progress          where progress lines go, or null for silence
 */
public record StreamTuningOptions(int epochs, int sequencesPerEpoch, double seconds, int batchSize, int chunkSteps,
                                  float learningRate, StepLoss loss, long seed, Path runDirectory,
                                  PrintStream progress) {
    /** @throws IllegalArgumentException naming the setting out of range */
    public StreamTuningOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("stream tuning: --epochs must be at least 1, got " + epochs);
        }
        if (sequencesPerEpoch < 1 || batchSize < 1) {
            throw new IllegalArgumentException("stream tuning: sequences per epoch (" + sequencesPerEpoch
                    + ") and batch size (" + batchSize + ") must be at least 1");
        }
        if (!(seconds >= 2) || !(seconds <= 600)) {
            throw new IllegalArgumentException("stream tuning: --seconds must be from 2 to 600, got " + seconds);
        }
        if (chunkSteps < 1) {
            throw new IllegalArgumentException("stream tuning: chunk steps must be at least 1, got " + chunkSteps);
        }
        if (loss == null) {
            throw new IllegalArgumentException("stream tuning: no loss given");
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("stream tuning: --lr must be positive, got " + learningRate);
        }
    }

    /**
     * 12 epochs of 256 sequences of 16 s (about 68 minutes of audio an epoch), 16 side by side, an update every 25
     * steps (2 s), learning rate 3e-4, per-step cross-entropy, seed 1, no checkpoints, silent: the fine-tuning
     * docs/metrics.md measures.
     */
    public static StreamTuningOptions defaults() {
        return new StreamTuningOptions(12, 256, 16, 16, 25, 3e-4f, StepLoss.CROSS_ENTROPY, 1, null, null);
    }

    public StreamTuningOptions withEpochs(int e) {
        return new StreamTuningOptions(e, sequencesPerEpoch, seconds, batchSize, chunkSteps, learningRate, loss, seed,
                runDirectory, progress);
    }

    public StreamTuningOptions withSequences(int count, double length) {
        return new StreamTuningOptions(epochs, count, length, batchSize, chunkSteps, learningRate, loss, seed,
                runDirectory,
                progress);
    }

    public StreamTuningOptions withBatch(int size, int chunk) {
        return new StreamTuningOptions(epochs, sequencesPerEpoch, seconds, size, chunk, learningRate, loss, seed,
                runDirectory, progress);
    }

    public StreamTuningOptions withLearningRate(float lr) {
        return new StreamTuningOptions(epochs, sequencesPerEpoch, seconds, batchSize, chunkSteps, lr, loss, seed,
                runDirectory, progress);
    }

    public StreamTuningOptions withLoss(StepLoss l) {
        return new StreamTuningOptions(epochs, sequencesPerEpoch, seconds, batchSize, chunkSteps, learningRate, l, seed,
                runDirectory, progress);
    }

    public StreamTuningOptions withSeed(long s) {
        return new StreamTuningOptions(epochs, sequencesPerEpoch, seconds, batchSize, chunkSteps, learningRate, loss, s,
                runDirectory, progress);
    }

    public StreamTuningOptions withRunDirectory(Path dir) {
        return new StreamTuningOptions(epochs, sequencesPerEpoch, seconds, batchSize, chunkSteps, learningRate, loss,
                seed,
                dir, progress);
    }

    public StreamTuningOptions withProgress(PrintStream p) {
        return new StreamTuningOptions(epochs, sequencesPerEpoch, seconds, batchSize, chunkSteps, learningRate, loss,
                seed,
                runDirectory, p);
    }
}
