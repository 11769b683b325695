package dev.hark.sim.program;

import dev.hark.sim.model.Layer;

/**
 * A tensor the program hands to verification right after the call that produces it: the simulator records it,
 * the firmware passes it to its trace callback.
 *
 * @param traced    its name, size and steps as the model lists it ({@code QuantizedModel#tracedTensors()})
 * @param tensor    the tensor
 * @param afterCall index of the producing call in {@link KernelProgram#calls()}
 */
public record TracePoint(Layer.TracedTensor traced, TensorId tensor, int afterCall) {
}
