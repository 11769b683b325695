package dev.hark.cli;

import dev.hark.pipeline.train.TrainStage;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hark train}: trains the float CRNN on a data set's int8 features. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the float CRNN (DJL, CPU, offline) on the int8 log-mel features of a data set.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    PipelineOptions pipeline;

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--epochs", defaultValue = "20", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() throws Exception {
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        TrainStage.run(augmentation.trainingFeatures(data, features.get(Split.TRAIN), pipeline.seed),
                features.get(Split.DEV), epochs, pipeline.seed, pipeline.workspace(), System.err);
        return ExitCodes.OK;
    }
}
