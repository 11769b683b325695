package dev.hark.cli;

import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hark train}: trains the float CRNN on a data set's int8 features. */
@Command(name = "train",
        description = "Train the float CRNN (DJL, CPU, offline) on the int8 log-mel features of a data set.")
final class TrainCommand extends PipelineCommand {
    @Mixin
    FloatTrainingOptions training;

    @Mixin
    StreamTrainingOptions forListening;

    @Override
    Integer runLocked() throws Exception {
        training.check();
        StreamTrainingRecipe recipe = forListening.recipe(training.augment);
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        TrainStage.run(data, recipe, training.augment, features.get(Split.TRAIN), features.get(Split.DEV),
                training.epochs, pipeline.seed(), pipeline.workspace(), System.err);
        return ExitCode.OK.code();
    }
}
