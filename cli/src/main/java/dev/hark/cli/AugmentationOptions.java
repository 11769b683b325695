package dev.hark.cli;

import dev.hark.trainer.augment.AugmentationConfig;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.train.TrainingFeatures;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The {@code --augment} switch of the commands that train. */
final class AugmentationOptions {
    @Option(names = "--augment", description = "Augment training clips on the fly each epoch: time shift, "
            + "background noise at a random SNR, gain, speed (docs/benchmark.md).")
    boolean augment;

    /** What the trainer sees each epoch: the cached features, or freshly augmented audio with {@code --augment}. */
    TrainingFeatures trainingFeatures(BenchmarkData data, FeatureSet train, long seed) throws IOException {
        return augment ? data.trainingFeatures(AugmentationConfig.defaults(), seed)
                : TrainingFeatures.of(train.examples());
    }
}
