package dev.hark.trainer.qat;

import ai.djl.ndarray.NDArray;
import dev.hark.sim.model.TensorQuant;

/**
 * Fake quantization in DJL NDArray ops: the forward value is what the integer network holds, the gradient is the
 * straight-through estimate. Every function returns {@code y = c + stopGradient(fq(c) - c)}: forward {@code fq(c)},
 * backward the gradient of {@code c}. For activations {@code c = clip(x, lo, hi)}, so values the grid cannot reach
 * get no gradient (the clipped straight-through estimator); weights and biases are never clipped ({@code c = x}).
 */
final class FakeQuant {
    /** Weight codes are symmetric in [-127, 127], as {@code WeightQuantizer.symmetric}. */
    private static final float WEIGHT_LEVELS = 127f;
    private static final float TINY = 1e-12f;

    private FakeQuant() {
    }

    /**
     * An affine int8 activation on {@code grid}: {@code (clamp(round(x / s) + zp, -128, 127) - zp) * s}. Since zp
     * is an integer this equals {@code round(clip(x, (-128 - zp) s, (127 - zp) s) / s) * s}.
     */
    static NDArray activation(NDArray x, TensorQuant grid) {
        float s = grid.scale();
        NDArray clipped = x.clip((-128 - grid.zeroPoint()) * s, (127 - grid.zeroPoint()) * s);
        NDArray quantized = roundHalfAway(clipped.div(s)).mul(s);
        return straightThrough(clipped, quantized);
    }

    /**
     * A product of a 1/256-grid probability (zp -128) and a 1/128-grid value (zp 0), or a sum of such products,
     * requantized onto the hidden grid (1/128, zp 0) as the integer MUL / context FC does: the integer product
     * {@code x} (= value * 2^15, exact in float32 for the ranges involved) goes through {@code arm_nn_requantize}
     * with {@code QM(1/256) = (2^30, -7)}, i.e. {@code y = roundHalfAway(floor((x + 1) / 2) / 128)}, then clamp.
     * Modelling this double rounding matters: such products sit exactly on ties half of the time.
     */
    static NDArray hiddenProduct(NDArray product) {
        NDArray x = product.mul(32768f).round(); // exact integers already; round() only removes float noise
        NDArray halved = x.add(1f).div(2f).floor();
        NDArray q = roundHalfAway(halved.div(128f)).clip(-128f, 127f).mul(1f / 128);
        return straightThrough(product.clip(-128f / 128, 127f / 128), q);
    }

    /** Rounds to nearest, ties away from zero (CMSIS-NN's rounding divide and the tables' rounding). */
    static NDArray roundHalfAway(NDArray x) {
        return x.abs().add(0.5f).floor().mul(x.sign());
    }

    /** A symmetric per-tensor weight: scale {@code max|w| / 127}, codes {@code round(w / scale)}. */
    static Quantized weight(NDArray w) {
        NDArray scale = w.abs().max().div(WEIGHT_LEVELS).maximum(TINY).stopGradient();
        NDArray q = roundHalfAway(w.div(scale)).clip(-WEIGHT_LEVELS, WEIGHT_LEVELS).mul(scale);
        return new Quantized(straightThrough(w, q), scale);
    }

    /** Symmetric weights with one scale per slice along axis 0 (per output channel); scale shape {@code [C]}. */
    static Quantized weightPerChannel(NDArray w) {
        long channels = w.getShape().get(0);
        long[] broadcast = new long[w.getShape().dimension()];
        java.util.Arrays.fill(broadcast, 1);
        broadcast[0] = channels;
        NDArray scale = w.reshape(channels, -1).abs().max(new int[] {1}).div(WEIGHT_LEVELS).maximum(TINY)
                .stopGradient(); // [C]
        NDArray q = roundHalfAway(w.div(scale.reshape(broadcast))).clip(-WEIGHT_LEVELS, WEIGHT_LEVELS)
                .mul(scale.reshape(broadcast));
        return new Quantized(straightThrough(w, q), scale);
    }

    /** An int32 bias at scale {@code accumulatorScale} (= input scale x weight scale): {@code round(b / s) * s}. */
    static NDArray bias(NDArray b, NDArray accumulatorScale) {
        return straightThrough(b, roundHalfAway(b.div(accumulatorScale)).mul(accumulatorScale));
    }

    private static NDArray straightThrough(NDArray carrier, NDArray quantized) {
        return carrier.add(quantized.sub(carrier).stopGradient());
    }

    /** A fake-quantized weight and its scale (a scalar, or {@code [C]} per channel), outside the graph. */
    record Quantized(NDArray value, NDArray scale) {
    }
}
