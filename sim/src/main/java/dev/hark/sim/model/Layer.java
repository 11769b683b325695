package dev.hark.sim.model;

import java.util.List;

/**
 * One stage of the quantized network. Every layer knows the int8 tensors it exposes to verification
 * ({@link #tracedOutputs()}): the simulator and the firmware harness record exactly these, in this order.
 */
public sealed interface Layer permits ConvLayer, GruLayer, AttentionLayer, LastStepLayer, DenseLayer, SoftmaxLayer {
    String name();

    /** Names and sizes (bytes) of the tensors this layer traces, in execution order. */
    List<TracedTensor> tracedOutputs();

    /** A traced int8 tensor: its name and length; {@code steps > 1} when it is a sequence over time. */
    record TracedTensor(String name, int size, int steps) {
    }
}
