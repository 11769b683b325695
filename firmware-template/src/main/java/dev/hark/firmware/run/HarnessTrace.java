package dev.hark.firmware.run;

import java.util.List;

/**
 * What the firmware harness recorded: the traced layers it declares, and for every clip every layer's bytes.
 *
 * @param layers the traced tensors in index order
 * @param clips  {@code clips.get(c).get(l)} is layer {@code l}'s output for clip {@code c}, exactly
 *               {@code layers.get(l).size()} bytes
 */
public record HarnessTrace(List<Layer> layers, List<List<byte[]>> clips) {
    /** One traced tensor as the firmware names it. */
    public record Layer(String name, int size) {
    }

    public HarnessTrace {
        layers = List.copyOf(layers);
        clips = clips.stream().map(List::copyOf).toList();
        for (int c = 0; c < clips.size(); c++) {
            if (clips.get(c).size() != layers.size()) {
                throw new IllegalArgumentException("clip " + c + " has " + clips.get(c).size() + " layers, not "
                        + layers.size());
            }
            for (int l = 0; l < layers.size(); l++) {
                if (clips.get(c).get(l).length != layers.get(l).size()) {
                    throw new IllegalArgumentException("clip " + c + ", layer " + layers.get(l).name() + ": "
                            + clips.get(c).get(l).length + " bytes, not " + layers.get(l).size());
                }
            }
        }
    }

    /** Layer {@code layer}'s bytes for clip {@code clip}. */
    public byte[] get(int clip, int layer) {
        return clips.get(clip).get(layer);
    }

    /** The last traced layer of {@code clip}: the network's output. */
    public byte[] output(int clip) {
        return clips.get(clip).get(layers.size() - 1);
    }
}
