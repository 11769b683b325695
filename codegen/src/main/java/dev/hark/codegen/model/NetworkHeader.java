package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code hark_network.h}: the API the application links against.
 *
 * @param arenaSize      bytes of the caller's arena
 * @param arenaAlignment its alignment in bytes
 * @param streaming      for a streaming network, its shape; {@code null} for one that scores whole clips
 * @param layerMacros    one {@code HARK_LAYER_*} index per traced tensor, in trace order
 */
public record NetworkHeader(FileBanner banner, String guard, int inputSize, int outputSize, int arenaSize,
                            int arenaAlignment, StreamingShape streaming, int layerCount,
                            List<MacroConstant> layerMacros) implements ModelElement {
    public NetworkHeader {
        layerMacros = List.copyOf(layerMacros);
    }
}
