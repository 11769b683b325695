package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code hark_network.h}: the API the application links against.
 *
 * @param layerMacros one {@code HARK_LAYER_*} index per traced tensor, in trace order
 */
public record NetworkHeader(FileBanner banner, String guard, int inputSize, int outputSize, int layerCount,
                            List<MacroConstant> layerMacros) implements ModelElement {
    public NetworkHeader {
        layerMacros = List.copyOf(layerMacros);
    }
}
