package dev.hark.cli;

import dev.hark.pipeline.data.TrainingSpeakersFile;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.trainer.floatref.CrnnWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What {@code hark evaluate} evaluates: the model (given, or a workspace's), the recordings and their keyword, and
 * what the command line alone can add: the float network beside the int8 one, and a workspace's training speakers.
 */
final class EvaluationInputOptions {
    /** Without it, the workspace's model; the Setting gives its description. */
    @Option(names = {"-m", "--model"})
    Path model;

    @Option(names = "--data", required = true, paramLabel = "<folder or csv>")
    Path data;

    @Option(names = "--keyword")
    String keyword;

    @Option(names = "--split", paramLabel = "<train|dev|test>")
    String split;

    @Option(names = "--resample")
    boolean resample;

    @Option(names = "--weights", paramLabel = "<float-model dir>", description = "The float network the model was"
            + " quantized from (a float-model folder, as hark train writes it), to evaluate beside the int8 one.")
    Path weights;

    @Option(names = {"-w", "--work"}, description = "A workspace: its model.hark when --model is not given, its"
            + " float model when --weights is not, and its training speakers, to warn about clips of theirs.")
    Path work;

    /** --model, else the workspace's. */
    Path model() {
        if (model != null) {
            return model;
        }
        return workspace().map(Workspace::model).orElseThrow(() -> new HarkException(ExitCode.USAGE,
                "evaluate: give the model (--model) or a workspace (--work)"));
    }

    /** --weights, else the workspace's float model when it has one. */
    Optional<CrnnWeights> floatWeights() throws IOException {
        Path dir = weights != null ? weights : workspace().map(Workspace::floatModel).filter(Files::isDirectory)
                .orElse(null);
        if (dir == null) {
            return Optional.empty();
        }
        // The training history, beside the float model in a workspace, is not needed here.
        return Optional.of(TrainStage.load(dir, dir.resolveSibling("training-history.csv")).weights());
    }

    /** The workspace's training speakers, when it records them. */
    Optional<TrainingSpeakers> trainingSpeakers() throws IOException {
        Optional<Path> file = workspace().map(Workspace::trainingSpeakers).filter(Files::exists);
        return file.isPresent() ? Optional.of(TrainingSpeakersFile.read(file.get())) : Optional.empty();
    }

    private Optional<Workspace> workspace() {
        return Optional.ofNullable(work).map(w -> new Workspace(w.toAbsolutePath()));
    }
}
