package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code hark_network.c}: the arena, the trace tables and {@code hark_network_run} as a sequence of calls.
 *
 * @param singleRounding true when the model's integers were made for CMSIS-NN built with
 *                       {@code CMSIS_NN_USE_SINGLE_ROUNDING}; the file refuses to compile against the other build
 * @param layerNames     C string literals of the traced tensors' names
 * @param layerSizes     their sizes in bytes
 * @param layers         one call element per layer, in execution order
 */
public record NetworkSource(FileBanner banner, boolean singleRounding, ArenaPlan arena, List<String> layerNames,
                            List<Integer> layerSizes, List<ModelElement> layers) implements ModelElement {
    public NetworkSource {
        layerNames = List.copyOf(layerNames);
        layerSizes = List.copyOf(layerSizes);
        layers = List.copyOf(layers);
    }
}
