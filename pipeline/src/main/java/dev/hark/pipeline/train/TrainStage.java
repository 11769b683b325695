package dev.hark.pipeline.train;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.trainer.augment.AugmentedFeatures;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.train.CrnnTrainer;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import dev.hark.trainer.train.TrainingResult;
import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Stage 3: train the float CRNN on the int8 features (dequantized) and save it with its training history. A
 * saved model in the workspace is reused.
 */
public final class TrainStage {
    /** The trained weights and, when trained in this run, how training went. */
    public record Trained(CrnnWeights weights, Optional<TrainingResult> result, String history) {
    }

    private TrainStage() {
    }

    /**
     * Trains unless the workspace already holds a float model. With a run directory in {@code options}, every
     * epoch is checkpointed and a killed run continues from its last checkpoint.
     */
    public static Trained run(TrainingFeatures train, FeatureSet dev, CrnnConfig config, TrainingOptions options,
                              Path modelDir, Path historyFile, PrintStream log) throws IOException {
        String settings = settings(train, config, options);
        Path stamp = modelDir.resolveSibling(modelDir.getFileName() + ".settings");
        if (Files.isRegularFile(modelDir.resolve(CrnnModelStore.PROPERTIES_FILE))) {
            if (Files.exists(stamp) && !Files.readString(stamp).equals(settings)) {
                throw new IllegalArgumentException(modelDir + ": this float model was trained with other settings ("
                        + Files.readString(stamp).strip() + "); delete it or choose another --work");
            }
            log.println("[train] reusing the float model in " + modelDir);
            return load(modelDir, historyFile);
        }
        log.printf(Locale.ROOT, "[train] CRNN, %d parameters, %d epochs on %d clips (dev %d)%n",
                config.parameterCount(), options.epochs(), train.size(), dev.size());
        try (TrainedCrnn trained = CrnnTrainer.trainNew(config, train, dev.examples(), FrontendConfig.FEATURE_QUANT,
                options)) {
            CrnnModelStore.save(trained.model(), FrontendConfig.FEATURE_QUANT, modelDir);
            AtomicFiles.writeString(stamp, settings);
            String history = historyCsv(trained.result());
            AtomicFiles.writeString(historyFile, history);
            EpochStats best = trained.result().best();
            log.printf(Locale.ROOT, "[train] best epoch %d: dev accuracy %.4f, dev au_fa_fr %.5f; %.2f s per epoch%n",
                    best.epoch(), best.devAccuracy(), best.devAuFaFr(), trained.result().secondsPerEpoch());
            return new Trained(trained.weights(), Optional.of(trained.result()), history);
        }
    }

    /** The float model a previous run saved (checksums verified). */
    public static Trained load(Path modelDir, Path historyFile) throws IOException {
        if (!Files.isRegularFile(modelDir.resolve(CrnnModelStore.PROPERTIES_FILE))) {
            throw new java.nio.file.NoSuchFileException(modelDir + ": no trained float model here; run `hark train`"
                    + " first");
        }
        try (SavedCrnn saved = CrnnModelStore.load(modelDir)) {
            return new Trained(saved.weights(), Optional.empty(),
                    Files.exists(historyFile) ? Files.readString(historyFile) : "");
        }
    }

    /** What decides the trained weights, so that a workspace never reuses a model trained otherwise. */
    static String settings(TrainingFeatures train, CrnnConfig config, TrainingOptions options) {
        return "augment=" + (train instanceof AugmentedFeatures) + " epochs=" + options.epochs() + " seed="
                + options.seed() + " lr=" + options.learningRate() + " batch=" + options.batchSize() + " config="
                + config + "\n";
    }

    static String historyCsv(TrainingResult result) {
        StringBuilder csv = new StringBuilder("epoch,train_loss,dev_loss,dev_accuracy,dev_au_fa_fr,seconds\n");
        for (EpochStats e : result.history()) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f%n", e.epoch(), e.trainLoss(),
                    e.devLoss(), e.devAccuracy(), e.devAuFaFr(), e.seconds()));
        }
        return csv.toString();
    }
}
