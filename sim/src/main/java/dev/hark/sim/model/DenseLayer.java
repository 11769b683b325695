package dev.hark.sim.model;

import java.util.List;

/** A fully connected layer ({@code arm_fully_connected_s8}, per-tensor quantized) on a single vector. */
public record DenseLayer(String name, FullyConnected fc, TensorQuant output) implements Layer {
    public DenseLayer {
        if (fc.weights() == null) {
            throw new IllegalArgumentException(name + ": a dense layer needs constant weights");
        }
    }

    @Override
    public List<TracedTensor> tracedOutputs() {
        return List.of(new TracedTensor(name, fc.outputSize(), 1));
    }
}
