package dev.hark.pipeline.quantize;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;

/**
 * The description a model file of the pipeline carries: its name, the keyword and labels ("other" is class 0),
 * the input shape, the front end whose int8 features it consumes, and the speakers of the training split it learned
 * from and was calibrated on, as salted hashes (so that {@code hark evaluate} given the model alone can warn about
 * clips of theirs).
 */
public final class ModelDescription {
    private ModelDescription() {
    }

    /** A keyword's model: named {@code crnn-<keyword>}. */
    public static ModelInfo of(CrnnConfig config, String keyword, String producer) {
        return named("crnn-" + keyword, config, keyword, producer);
    }

    /** A model under another name, e.g. one of several distilled students. */
    public static ModelInfo named(String name, CrnnConfig config, String keyword, String producer) {
        return new ModelInfo(name, keyword, List.of("other", keyword), config.frames(), config.mels(),
                FrontendConfig.FEATURE_QUANT, FrontendConfig.ID, producer);
    }

    /**
     * {@code info} with the speakers of {@code train} recorded as its training speakers, under a salt drawn from them,
     * so that the same data gives the same model file.
     */
    public static ModelInfo trainedOn(ModelInfo info, FeatureSet train) {
        return info.withTrainingSpeakers(TrainingSpeakers.ofDeterministicSalt(train.items().stream()
                .map(LabelledFeatures::speaker).toList()));
    }
}
