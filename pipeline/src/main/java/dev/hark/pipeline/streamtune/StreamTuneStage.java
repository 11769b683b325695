package dev.hark.pipeline.streamtune;

import dev.hark.pipeline.quantize.QuantizeStage;
import dev.hark.pipeline.train.StreamSequenceKind;
import dev.hark.pipeline.train.StreamSequenceTuning;
import dev.hark.pipeline.train.TrainingHistoryFile;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.stream.StreamFineTuner;
import dev.hark.trainer.stream.StreamTuningOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * Fine-tunes the workspace's float model for streaming ({@link StreamFineTuner}) on sequences of the training
 * split's audio, chooses the epoch on sequences of the dev split, and writes the result beside the original: a float
 * model in {@link Workspace#streamTunedFloatModel()} and its int8 model, quantized as the original is
 * ({@link QuantizeStage}), in {@link Workspace#streamTunedModel()}. The test split is left for the comparison.
 */
public final class StreamTuneStage {
    /** The model description's producer, so that the model file says how it was made. */
    static final String PRODUCER = "hark-stream-tune";

    /**
     * @param weights the fine-tuned float network
     * @param model   its int8 model
     * @param tuned   what fine-tuning did, when it ran now (empty when the workspace already held the model)
     */
    public record Result(CrnnWeights weights, QuantizedModel model, Optional<StreamFineTuner.Tuned> tuned) {
    }

    private StreamTuneStage() {
    }

    /**
     * Reuses the fine-tuned model when the workspace holds one; otherwise fine-tunes (continuing from the run's
     * checkpoints) and writes it, replacing an older int8 model of it.
     *
     * @param start    the trained float model
     * @param features the cached features (calibration takes the training clips, as for the original)
     */
    public static Result run(CrnnWeights start, BenchmarkData data, FeatureSet trainFeatures, Workspace workspace,
                             String keyword, StreamTuningOptions options, PrintStream log) throws IOException {
        var floatDir = workspace.streamTunedFloatModel();
        if (Files.isRegularFile(floatDir.resolve(CrnnModelStore.PROPERTIES_FILE))) {
            log.println("[stream-tune] reusing the fine-tuned float model in " + floatDir + " (delete it to tune again)");
            CrnnWeights weights;
            try (SavedCrnn saved = CrnnModelStore.load(floatDir)) {
                weights = saved.weights();
            }
            QuantizedModel model = QuantizeStage.run(weights, trainFeatures, keyword, PRODUCER,
                    workspace.streamTunedModel(), log);
            return new Result(weights, model, Optional.empty());
        }
        StreamFineTuner.Tuned tuned = StreamSequenceTuning.tune(start,
                StreamSequenceTuning.sources(data, StreamSequenceKind.CLIPS, Optional.empty()),
                options.withRunDirectory(workspace.streamTuningRun()), log);
        CrnnModelStore.save(tuned.weights(), FrontendConfig.FEATURE_QUANT, floatDir);
        AtomicFiles.writeString(workspace.streamTuningHistory(), TrainingHistoryFile.csv(tuned.result()));
        // An int8 model of an earlier fine-tuning would be reused by the quantize stage: it is stale now.
        Files.deleteIfExists(workspace.streamTunedModel());
        QuantizedModel model = QuantizeStage.run(tuned.weights(), trainFeatures, keyword, PRODUCER,
                workspace.streamTunedModel(), log);
        log.printf(Locale.ROOT, "[stream-tune] kept epoch %d -> %s, %s%n", tuned.result().bestEpoch(), floatDir,
                workspace.streamTunedModel());
        return new Result(tuned.weights(), model, Optional.of(tuned));
    }
}
