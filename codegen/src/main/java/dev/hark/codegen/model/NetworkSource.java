package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code hark_network.c}: the memory plan, the trace tables and the network as a sequence of calls
 * ({@code hark_network_run} for whole clips; {@code hark_network_reset} and {@code hark_network_step} for a stream).
 *
 * @param singleRounding true when the model's integers were made for CMSIS-NN built with
 *                       {@code CMSIS_NN_USE_SINGLE_ROUNDING}; the file refuses to compile against the other build
 * @param streaming      true for one step of a stream
 * @param stateResets    what {@code hark_network_reset} sets, one element per state buffer; empty for whole clips
 * @param layerNames     C string literals of the traced tensors' names
 * @param layerSizes     their sizes in bytes
 * @param layers         one call element per layer, in execution order
 */
public record NetworkSource(FileBanner banner, boolean singleRounding, boolean streaming, ArenaPlan arena,
                            List<StateReset> stateResets, List<String> layerNames, List<Integer> layerSizes,
                            List<ModelElement> layers) implements ModelElement {
    public NetworkSource {
        stateResets = List.copyOf(stateResets);
        layerNames = List.copyOf(layerNames);
        layerSizes = List.copyOf(layerSizes);
        layers = List.copyOf(layers);
    }
}
