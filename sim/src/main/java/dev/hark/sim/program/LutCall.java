package dev.hark.sim.program;

/**
 * {@code hark_lut_s8(input, output, size, table)}: {@code output[i] = table[input[i] + 128]}, how the network
 * evaluates tanh and sigmoid; input and output may be the same tensor.
 *
 * @param part    the table's name within the layer ({@code tanh_energy})
 * @param purpose what the table computes, in words
 * @param table   256 entries
 */
public record LutCall(String layer, String part, String purpose, byte[] table, int size, TensorId input,
                      TensorId output) implements KernelCall.Unary {
    public LutCall {
        if (table.length != 256) {
            throw new IllegalArgumentException(layer + " " + part + ": a lookup table has 256 entries");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.lut(this);
    }
}
