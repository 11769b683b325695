package dev.hark.cli.pipeline;

import dev.hark.trainer.data.Split;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a pipeline run keeps its files. Every stage writes its outputs atomically under this root and skips
 * itself when they already exist, so a run killed at any point continues where it stopped.
 */
public record Workspace(Path root) {
    /** The synthetic default corpus (when no data folder is given). */
    public Path corpus() {
        return root.resolve("corpus");
    }

    public Path features(Split split) {
        return root.resolve("features").resolve(split.name().toLowerCase(Locale.ROOT) + ".bin");
    }

    /** The trained float model (DJL parameters and the CRNN configuration). */
    public Path floatModel() {
        return root.resolve("float-model");
    }

    /** Per-epoch losses and dev metrics of the training run, as CSV. */
    public Path trainingHistory() {
        return root.resolve("training-history.csv");
    }

    /** The quantized model, the contract with the simulator and the generator. */
    public Path model() {
        return root.resolve("model.hark");
    }

    public Path generatedSources() {
        return root.resolve("firmware").resolve("generated");
    }

    public Path firmware() {
        return root.resolve("firmware");
    }

    public Path report() {
        return root.resolve("report.txt");
    }
}
