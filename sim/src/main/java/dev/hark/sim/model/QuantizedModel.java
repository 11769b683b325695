package dev.hark.sim.model;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quantized network: the single contract between trainer, simulator and code generator. It holds every
 * integer the kernels need, ready to use; see {@code docs/model-format.md} for its file form.
 *
 * @param rounding       the CMSIS-NN requantization mode the integers were produced for
 * @param chosenDetector the detector chosen for this network (on dev-split streams), which the generated firmware
 *                       listens with; null when none was chosen (the firmware then uses
 *                       {@link DetectionSettings#DEFAULT})
 */
public record QuantizedModel(ModelInfo info, Rounding rounding, List<Layer> layers, DetectionSettings chosenDetector) {
    public QuantizedModel {
        layers = List.copyOf(layers);
    }

    /** A network with no detector chosen for it. */
    public QuantizedModel(ModelInfo info, Rounding rounding, List<Layer> layers) {
        this(info, rounding, layers, null);
    }

    /** The detector chosen for this network, if one was. */
    public Optional<DetectionSettings> knownDetector() {
        return Optional.ofNullable(chosenDetector);
    }

    /** The detector the firmware listens with: the chosen one, else {@link DetectionSettings#DEFAULT}. */
    public DetectionSettings detector() {
        return chosenDetector != null ? chosenDetector : DetectionSettings.DEFAULT;
    }

    /** This network with {@code detector} chosen for it (null: none). */
    public QuantizedModel withDetector(DetectionSettings detector) {
        return new QuantizedModel(info, rounding, layers, detector);
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
