package dev.hark.cli;

import dev.hark.cli.pipeline.TrainStage;
import dev.hark.cli.pipeline.Workspace;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.train.TrainingOptions;
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

    @Option(names = "--epochs", defaultValue = "20", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = pipeline.workspace();
        TrainingOptions options = TrainingOptions.builder().optEpochs(epochs).optSeed(pipeline.seed)
                .optProgress(System.err).build();
        TrainStage.run(pipeline.features(System.err), CrnnConfig.defaults(), options, workspace.floatModel(),
                workspace.trainingHistory(), System.err);
        return ExitCodes.OK;
    }
}
