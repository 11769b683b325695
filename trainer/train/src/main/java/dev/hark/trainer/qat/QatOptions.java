package dev.hark.trainer.qat;

import java.io.PrintStream;

/**
 * Settings of quantization-aware fine-tuning.
 *
 * @param epochs       passes over the training clips (a few: the model is already trained)
 * @param batchSize    clips per step
 * @param learningRate Adam's fixed learning rate; well below the float training's (default 1e-4)
 * @param seed         seeds the shuffling; the same seed gives the same run
 * @param progress     where one line per epoch goes, or null for silence
 */
public record QatOptions(int epochs, int batchSize, float learningRate, long seed, PrintStream progress) {
    public QatOptions {
        if (epochs < 0 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("QAT options: epochs " + epochs + " must be >= 0, batch size "
                    + batchSize + " >= 1 and learning rate " + learningRate + " > 0");
        }
    }

    /** 3 epochs, batch 64, learning rate 1e-4, seed 1, silent. */
    public static QatOptions defaults() {
        return new QatOptions(3, 64, 1e-4f, 1, null);
    }

    public QatOptions withEpochs(int e) {
        return new QatOptions(e, batchSize, learningRate, seed, progress);
    }

    public QatOptions withLearningRate(float lr) {
        return new QatOptions(epochs, batchSize, lr, seed, progress);
    }

    public QatOptions withSeed(long s) {
        return new QatOptions(epochs, batchSize, learningRate, s, progress);
    }

    public QatOptions withProgress(PrintStream p) {
        return new QatOptions(epochs, batchSize, learningRate, seed, p);
    }
}
