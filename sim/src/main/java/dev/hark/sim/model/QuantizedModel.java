package dev.hark.sim.model;

import dev.hark.sim.kernels.Rounding;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantized network: the single contract between trainer, simulator and code generator. It holds every
 * integer the kernels need, ready to use; see {@code docs/model-format.md} for its file form.
 *
 * @param rounding the CMSIS-NN requantization mode the integers were produced for
 */
public record QuantizedModel(ModelInfo info, Rounding rounding, List<Layer> layers) {
    public QuantizedModel {
        layers = List.copyOf(layers);
    }

    /** Every traced tensor of every layer, in execution order. */
    public List<Layer.TracedTensor> tracedTensors() {
        List<Layer.TracedTensor> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.tracedOutputs());
        }
        return all;
    }

    /** Number of weight and bias values (int8 weights plus int32 biases), the size a user thinks of. */
    public long parameterCount() {
        return ParameterCounter.count(this);
    }
}
