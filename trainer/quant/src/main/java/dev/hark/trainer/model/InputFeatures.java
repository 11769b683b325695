package dev.hark.trainer.model;

import dev.hark.sim.model.TensorQuant;

/** Turns the front end's int8 feature codes into the float features the CRNN consumes. */
public final class InputFeatures {
    private InputFeatures() {
    }

    /**
     * {@code (q - zeroPoint) * scale} for every code, in the same order ({@code [frame][mel]} for a clip).
     * The arithmetic is done in double and rounded once to float, so every caller gets identical floats.
     */
    public static float[] dequantize(byte[] codes, TensorQuant quant) {
        float[] out = new float[codes.length];
        dequantizeInto(codes, quant, out, 0);
        return out;
    }

    /** Like {@link #dequantize} but writes into {@code out} starting at {@code offset}. */
    public static void dequantizeInto(byte[] codes, TensorQuant quant, float[] out, int offset) {
        if (offset < 0 || offset + codes.length > out.length) {
            throw new IllegalArgumentException("dequantize: " + codes.length + " codes do not fit at offset "
                    + offset + " of " + out.length);
        }
        for (int i = 0; i < codes.length; i++) {
            out[offset + i] = (float) quant.dequantize(codes[i]);
        }
    }
}
