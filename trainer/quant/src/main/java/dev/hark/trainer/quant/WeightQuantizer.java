package dev.hark.trainer.quant;

import dev.hark.sim.quant.ActivationTables;
import dev.hark.sim.model.TensorQuant;

/**
 * Symmetric int8 weights ({@code w ~ q * scale}, zero point 0, codes in [-127, 127] so that negation is exact),
 * int32 biases at scale {@code input_scale * weight_scale}, and affine int8 activations from a calibrated range.
 */
public final class WeightQuantizer {
    /** The smallest scale used when a tensor is all zeros, so every scale stays positive. */
    private static final double TINY = 1e-12;

    private WeightQuantizer() {
    }

    /** Quantized weights and the scale they were quantized with. */
    public record Quantized(byte[] values, double scale) {
    }

    public static Quantized symmetric(float[] w, int from, int to) {
        double maxAbs = 0;
        for (int i = from; i < to; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(w[i]));
        }
        double scale = Math.max(maxAbs / 127.0, TINY);
        byte[] q = new byte[to - from];
        for (int i = from; i < to; i++) {
            q[i - from] = (byte) clamp(ActivationTables.roundHalfAway(w[i] / scale), -127, 127);
        }
        return new Quantized(q, scale);
    }

    public static Quantized symmetric(float[] w) {
        return symmetric(w, 0, w.length);
    }

    public static int[] bias(float[] b, double scale) {
        int[] q = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            q[i] = (int) clamp(ActivationTables.roundHalfAway(b[i] / scale), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return q;
    }

    /** Affine int8 quantization covering {@code range} (widened to include 0, which stays exactly representable). */
    public static TensorQuant activation(Range range) {
        return activation(range.min(), range.max());
    }

    /**
     * Affine int8 quantization covering {@code [lo, hi]} widened to include 0: {@code scale = (hi - lo) / 255},
     * {@code zeroPoint = round(-128 - lo / scale)} clamped to [-128, 127].
     */
    public static TensorQuant activation(double lo, double hi) {
        double min = Math.min(lo, 0);
        double max = Math.max(hi, 0);
        double scale = Math.max((max - min) / 255.0, TINY);
        long zeroPoint = clamp(ActivationTables.roundHalfAway(-128 - min / scale), -128, 127);
        return new TensorQuant((float) scale, (int) zeroPoint);
    }

    static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
