package dev.hark.sim.model;

/**
 * Affine int8 quantization of an activation tensor: {@code real = (q - zeroPoint) * scale}.
 *
 * <p>Informational in the model file: every integer a kernel needs (multipliers, shifts, offsets, tables)
 * is stored ready to use, so the simulator and the firmware never derive anything from these floats.
 */
public record TensorQuant(float scale, int zeroPoint) {
    public TensorQuant {
        if (!(scale > 0) || zeroPoint < -128 || zeroPoint > 127) {
            throw new IllegalArgumentException("bad quantization: scale " + scale + ", zero point " + zeroPoint);
        }
    }

    public double dequantize(int q) {
        return (q - zeroPoint) * (double) scale;
    }
}
