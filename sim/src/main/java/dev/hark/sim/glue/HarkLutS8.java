package dev.hark.sim.glue;

/**
 * {@code hark_lut_s8}: applies a 256-entry int8 table, {@code out[i] = table[in[i] + 128]}. This is how the
 * network evaluates sigmoid and tanh: the quantizer computes each table once from a documented formula and
 * stores it in the model, so the simulator and the firmware use the same bytes by construction.
 */
public final class HarkLutS8 {
    private HarkLutS8() {
    }

    public static void run(byte[] input, byte[] output, int size, byte[] table) {
        if (table.length != 256) {
            throw new IllegalArgumentException("a lookup table has 256 entries, not " + table.length);
        }
        for (int i = 0; i < size; i++) {
            output[i] = table[input[i] + 128];
        }
    }
}
