package dev.hark.trainer.train;

import ai.djl.Model;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnBlockWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;

/**
 * A freshly trained model and how its training went. Owns the model: close it (or this) when done.
 *
 * @param model  holds a {@code CrnnBlock} with the best dev epoch's parameters
 * @param result the per-epoch history and the kept epoch
 */
public record TrainedCrnn(Model model, TrainingResult result) implements AutoCloseable {

    /** The model's configuration, including the input standardization chosen for training. */
    public CrnnConfig config() {
        return CrnnModels.block(model).config();
    }

    /** The trained parameters as plain arrays, input standardization folded in ({@link CrnnBlockWeights}). */
    public CrnnWeights weights() {
        return CrnnBlockWeights.read(model, config());
    }

    /**
     * This model with its parameters overwritten by {@code weights} (a fine-tuning of the same configuration, e.g. on
     * streams) and {@code result} as its history; the same model, which the returned record owns from now on.
     *
     * @throws IllegalArgumentException if the weights are of another configuration or the model is branched
     */
    public TrainedCrnn withWeights(CrnnWeights weights, TrainingResult result) {
        CrnnBlockWeights.write(model.getBlock(), weights);
        return new TrainedCrnn(model, result);
    }

    @Override
    public void close() {
        model.close();
    }
}
