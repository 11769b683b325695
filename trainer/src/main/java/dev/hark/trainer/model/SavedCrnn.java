package dev.hark.trainer.model;

import ai.djl.Model;
import dev.hark.sim.model.TensorQuant;

/**
 * A float CRNN read back by {@link CrnnModelStore#load}. Owns the model: close it (or this) when done.
 *
 * @param model      holds an initialized {@link CrnnBlock}
 * @param config     the block's configuration
 * @param inputQuant how the int8 features map to the model's float input
 */
public record SavedCrnn(Model model, CrnnConfig config, TensorQuant inputQuant) implements AutoCloseable {
    @Override
    public void close() {
        model.close();
    }
}
