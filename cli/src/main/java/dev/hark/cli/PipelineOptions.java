package dev.hark.cli;

import dev.hark.pipeline.data.DataStage;
import dev.hark.pipeline.data.FeatureStage;
import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the pipeline commands: where the data is and where the stages keep their outputs. */
final class PipelineOptions {
    @Option(names = "--data", description = "A folder in Speech Commands layout. Default: the synthetic corpus, "
            + "built offline into the workspace.")
    Path data;

    @Mixin
    WorkspaceOption work;

    @Mixin
    KeywordAndSeedOptions run;

    Workspace workspace() {
        return work.workspace();
    }

    String keyword() {
        return run.keyword;
    }

    long seed() {
        return run.seed;
    }

    /** The data set (synthesized if needed), with its split. */
    BenchmarkData data(PrintStream log) throws IOException {
        return DataStage.prepare(data, workspace(), keyword(), seed(), log);
    }

    /** Features per split, cached in the workspace. */
    Map<Split, FeatureSet> features(BenchmarkData benchmark, PrintStream log) throws IOException {
        return FeatureStage.run(benchmark, workspace(), log);
    }

    Map<Split, FeatureSet> features(PrintStream log) throws IOException {
        return features(data(log), log);
    }

    /**
     * The workspace's trained float model.
     *
     * @throws HarkException (bad input) naming the command that makes the float model, when there is none
     */
    TrainStage.Trained floatModel() throws IOException {
        Path model = workspace().floatModel();
        if (!Files.isDirectory(model)) {
            throw new HarkException(ExitCode.BAD_INPUT, model + ": no trained float model; run `hark train --work "
                    + work.work + "` first");
        }
        return TrainStage.load(model, workspace().trainingHistory());
    }

    /** The workspace's float model and int8 model listening. */
    ModelListeners listeners() throws IOException {
        return ModelListeners.of(floatModel().weights(), ModelInput.read(workspace().model()));
    }

    /**
     * The workspace's models fine-tuned for streaming, float and int8, listening.
     *
     * @throws HarkException (bad input) naming the command that makes them, when there are none
     */
    ModelListeners streamTunedListeners() throws IOException {
        Path floatModel = workspace().streamTunedFloatModel();
        if (!Files.isRegularFile(floatModel.resolve(CrnnModelStore.PROPERTIES_FILE))
                || !Files.isRegularFile(workspace().streamTunedModel())) {
            throw new HarkException(ExitCode.BAD_INPUT, floatModel + ": no model fine-tuned for streaming; run `hark "
                    + "stream-tune` first");
        }
        try (SavedCrnn saved = CrnnModelStore.load(floatModel)) {
            return ModelListeners.of(saved.weights(), ModelInput.read(workspace().streamTunedModel()));
        }
    }
}
