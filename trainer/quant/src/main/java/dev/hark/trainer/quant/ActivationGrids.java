package dev.hark.trainer.quant;

import dev.hark.sim.model.TensorQuant;

/**
 * The int8 grid of every calibrated activation, by the tensor names of the float reference ({@code conv},
 * {@code gru1.gx_r}, {@code att.score}, {@code logits}, ...). The {@link Quantizer} asks it for each tensor that
 * is not on a fixed grid.
 */
@FunctionalInterface
public interface ActivationGrids {
    /** @throws IllegalStateException if the tensor was never calibrated */
    TensorQuant grid(String tensor);
}
