package dev.hark.sim.net;

import dev.hark.sim.model.Layer;
import java.util.List;

/**
 * Every traced tensor of one inference, in execution order; the firmware harness records the same list.
 *
 * @param tensors what each entry is (name, size, steps)
 * @param values  the int8 values, {@code values.get(i).length == tensors.get(i).size()}
 */
public record Trace(List<Layer.TracedTensor> tensors, List<byte[]> values) {
    /** The last traced tensor: the network's output. */
    public byte[] output() {
        return values.get(values.size() - 1);
    }

    public byte[] get(String name) {
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).name().equals(name)) {
                return values.get(i);
            }
        }
        throw new IllegalArgumentException("no traced tensor named " + name);
    }
}
