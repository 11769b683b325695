package dev.hark.pipeline.quantize;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.ModelInfo;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;

/**
 * The description a model file of the pipeline carries: its name, the keyword and labels ("other" is class 0),
 * the input shape, and the front end whose int8 features it consumes.
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
}
