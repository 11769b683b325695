package dev.hark.pipeline.workspace;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a pipeline run keeps its files. Every stage writes its outputs atomically under this root and skips
 * itself when they already exist, so a run killed at any point continues where it stopped.
 */
public record Workspace(Path root) {
    /**
     * Records which data and keyword this workspace's cached stages were made from, or checks that they match:
     * reusing features of other data would silently mix two experiments.
     *
     * @throws WorkspaceConflictException (one line, naming the workspace) when it holds another run's work
     */
    public void claim(Path data, String keyword) throws IOException {
        String identity = "data=" + (data == null ? "synthetic" : data.toAbsolutePath().normalize()) + "\nkeyword="
                + keyword + "\n";
        Path stamp = root.resolve("workspace.txt");
        if (Files.exists(stamp)) {
            String existing = Files.readString(stamp);
            if (!existing.equals(identity)) {
                throw new WorkspaceConflictException(root + ": this workspace holds a run on other data ("
                        + existing.strip().replace('\n', ' ') + "); choose another --work or delete it");
            }
        } else {
            AtomicFiles.writeString(stamp, identity);
        }
    }

    /** The synthetic default corpus (when no data folder is given). */
    public Path corpus() {
        return root.resolve("corpus");
    }

    public Path features(Split split) {
        return FeatureSet.inWorkspace(root, split);
    }

    /** The speakers of the train and dev splits, as salted hashes ({@code TrainingSpeakersFile}). */
    public Path trainingSpeakers() {
        return root.resolve("training-speakers.txt");
    }

    /** The trained float model (DJL parameters and the CRNN configuration). */
    public Path floatModel() {
        return root.resolve("float-model");
    }

    /** Checkpoints of the float training, one per epoch, so that a killed run resumes. */
    public Path trainingRun() {
        return root.resolve("train-run");
    }

    /** Per-epoch losses and dev metrics of the training run, as CSV. */
    public Path trainingHistory() {
        return root.resolve("training-history.csv");
    }

    /** The float model fine-tuned for streaming (beside {@link #floatModel()}, which it does not replace). */
    public Path streamTunedFloatModel() {
        return root.resolve("float-model-stream");
    }

    /** Checkpoints of the fine-tuning for streaming, one per epoch. */
    public Path streamTuningRun() {
        return root.resolve("stream-tune-run");
    }

    /** Per-epoch losses and dev metrics of the fine-tuning for streaming, as CSV. */
    public Path streamTuningHistory() {
        return root.resolve("stream-tune-history.csv");
    }

    /** The int8 model of {@link #streamTunedFloatModel()}, quantized as {@link #model()} is. */
    public Path streamTunedModel() {
        return root.resolve("model-stream.hark");
    }

    /** The quantized model, the contract with the simulator and the generator. */
    public Path model() {
        return root.resolve("model.hark");
    }

    /** The model quantization-aware fine-tuning converts (beside {@link #model()}, which it does not replace). */
    public Path qatModel() {
        return root.resolve("model-qat.hark");
    }

    public Path generatedSources() {
        return root.resolve("firmware").resolve("generated");
    }

    public Path firmware() {
        return root.resolve("firmware");
    }

    /** The distillation stage's models, one run directory each, and its table. */
    public Path distillation() {
        return root.resolve("distill");
    }

    public Path distillationTable() {
        return distillation().resolve("distill-table.md");
    }

    public Path distillationCsv() {
        return distillation().resolve("distill-table.csv");
    }

    /** The pruning stage's models, one run directory each (and one for the unpruned source's int8 model). */
    public Path pruning() {
        return root.resolve("prune");
    }

    public Path pruningTable() {
        return pruning().resolve("prune-table.md");
    }

    public Path pruningCsv() {
        return pruning().resolve("prune-table.csv");
    }

    /**
     * The cross-validation's folds and seeds (one folder each, a run directory per model and the fold's clip scores)
     * and its tables.
     */
    public Path crossValidation() {
        return root.resolve("crossval");
    }

    /** The state-policy comparison's table (Markdown). */
    public Path statePolicyTable() {
        return root.resolve("state-policies.md");
    }

    /** The sound stream measurement's table (Markdown). */
    public Path soundStreamTable() {
        return root.resolve("stream-eval.md");
    }

    /** The sound stream measurement's DET curve (PNG). */
    public Path soundStreamDetCurve() {
        return root.resolve("stream-eval-det.png");
    }

    /** A stretch of one of the sound streams as the int8 detector heard it (PNG). */
    public Path soundStreamStretch() {
        return root.resolve("stream-eval-stretch.png");
    }

    /**
     * The detector's smoothing and refractory period chosen on dev-split streams ({@code DetectorFile}): what the
     * report, the sound stream measurement and the firmware listen with.
     */
    public Path detector() {
        return root.resolve("detector.properties");
    }

    /** The candidates the detector was chosen from, with their dev-stream figures (Markdown). */
    public Path detectorChoiceTable() {
        return root.resolve("detector-choice.md");
    }

    /** The synthetic sentences of the sound stream measurement, kept between runs. */
    public Path soundStreamSpeech() {
        return root.resolve("stream-eval-speech");
    }

    /** The HTML evaluation report and its charts. */
    public Path reportDirectory() {
        return root.resolve("report");
    }

    public Path report() {
        return root.resolve("report.txt");
    }
}
