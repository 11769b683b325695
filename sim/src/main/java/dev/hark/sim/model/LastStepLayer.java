package dev.hark.sim.model;

import java.util.List;

/**
 * Pooling by the last time step, the alternative to {@link AttentionLayer} in a CRNN without attention: of the
 * previous layer's sequence {@code [steps][hiddenSize]} (a GRU's hidden states), it passes on step
 * {@code steps - 1}, the hidden state after the whole clip, as the classifier's input.
 *
 * <p>No arithmetic happens: the output is those {@code hiddenSize} bytes unchanged, on the input's grid (for a GRU
 * the hidden grid, scale 1/128, zero point 0), so the layer has no constants. It traces its output under its own
 * name ({@code context} in the trainer's models), the same bytes the next layer consumes.
 *
 * @param steps      length of the input sequence, at least 1
 * @param hiddenSize values per step, at least 1
 */
public record LastStepLayer(String name, int steps, int hiddenSize) implements Layer {
    public LastStepLayer {
        if (steps < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(name + ": a last-step layer needs at least one step of one value, got "
                    + steps + " x " + hiddenSize);
        }
    }

    /** Offset of the last step in the input sequence: {@code (steps - 1) * hiddenSize}. */
    public int lastStepOffset() {
        return (steps - 1) * hiddenSize;
    }

    @Override
    public List<TracedTensor> tracedOutputs() {
        return List.of(new TracedTensor(name, hiddenSize, 1));
    }
}
