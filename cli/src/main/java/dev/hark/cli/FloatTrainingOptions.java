package dev.hark.cli;

import dev.hark.pipeline.train.TrainStage;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.train.TrainingFeatures;
import java.io.IOException;
import picocli.CommandLine.Option;

/**
 * How the commands that train float CRNNs train them. Augmentation is on by default: without time shifts the CRNN
 * is not shift-invariant and false-alarms in streaming use (the demo's false rejects at 1 false alarm per hour
 * drop from about 77% to about 8% with it).
 */
final class FloatTrainingOptions {
    @Option(names = "--epochs", defaultValue = "20", description = "Training epochs of each model "
            + "(default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--augment", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Augment training clips on the fly each epoch: time shift, background noise at a random SNR,"
                    + " gain, speed (docs/benchmark.md). On by default; --no-augment trains on the clips as they are.")
    boolean augment;

    /** The options' own rules, checked before any work: a bad value is bad input naming the option. */
    void check() {
        OptionCheck.BAD_INPUT.atLeast("--epochs", epochs, 1);
    }

    /** What the trainer sees each epoch ({@link TrainStage#trainingFeatures}). */
    TrainingFeatures trainingFeatures(BenchmarkData data, FeatureSet train, long seed) throws IOException {
        return TrainStage.trainingFeatures(data, train, augment, seed);
    }
}
