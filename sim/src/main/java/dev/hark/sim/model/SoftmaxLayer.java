package dev.hark.sim.model;

import java.util.List;

/**
 * {@code arm_softmax_s8} over {@code rowSize} logits; the output has scale 1/256 and zero point -128, so
 * {@code q + 128} is the probability in 1/256 steps. Parameters are TFLite's derivation from
 * {@code beta * input_scale}.
 */
public record SoftmaxLayer(String name, int rowSize, int mult, int shift, int diffMin) implements Layer {
    @Override
    public List<TracedTensor> tracedOutputs() {
        return List.of(new TracedTensor(name, rowSize, 1));
    }
}
