package dev.hark.trainer.model;

import ai.djl.Model;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.CrnnWeights;

/**
 * A float CRNN read back by {@link CrnnModelStore#load}. Owns the model: close it (or this) when done.
 *
 * @param model      holds an initialized {@link CrnnBlock}
 * @param config     the block's configuration
 * @param inputQuant how the int8 features map to the model's float input
 */
public record SavedCrnn(Model model, CrnnConfig config, TensorQuant inputQuant) implements AutoCloseable {
    /** The saved parameters as plain arrays, input standardization folded in ({@link CrnnBlockWeights}). */
    public CrnnWeights weights() {
        return CrnnBlockWeights.read(model, config);
    }

    @Override
    public void close() {
        model.close();
    }
}
