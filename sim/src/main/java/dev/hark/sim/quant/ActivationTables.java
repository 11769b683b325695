package dev.hark.sim.quant;

import dev.hark.sim.model.FixedGrids;
import dev.hark.sim.model.TensorQuant;
import java.util.function.DoubleUnaryOperator;

/**
 * The 256-entry int8 tables that stand in for sigmoid and tanh. Entry {@code i} holds the output for input
 * code {@code q = i - 128}: {@code x = (q - zp_in) * scale_in}, {@code out = clamp(roundHalfAway(f(x) / scale_out)
 * + zp_out, -128, 127)}. Sigmoid outputs use scale 1/256 and zero point -128; tanh outputs 1/128 and 0.
 * {@link StrictMath} makes every table identical on every JVM; the tables travel inside the model file, so the
 * firmware never recomputes them.
 */
public final class ActivationTables {
    private ActivationTables() {
    }

    public static byte[] sigmoid(TensorQuant in) {
        return table(in, x -> 1.0 / (1.0 + StrictMath.exp(-x)), FixedGrids.SIGMOID);
    }

    /** {@code 1 - sigmoid(x)}, computed as {@code sigmoid(-x)} so it is as exact as the sigmoid itself. */
    public static byte[] oneMinusSigmoid(TensorQuant in) {
        return table(in, x -> 1.0 / (1.0 + StrictMath.exp(x)), FixedGrids.SIGMOID);
    }

    public static byte[] tanh(TensorQuant in) {
        return table(in, StrictMath::tanh, FixedGrids.TANH);
    }

    public static byte[] table(TensorQuant in, DoubleUnaryOperator f, TensorQuant out) {
        byte[] table = new byte[256];
        for (int i = 0; i < 256; i++) {
            double y = f.applyAsDouble(in.dequantize(i - 128));
            long q = roundHalfAway(y / out.scale()) + out.zeroPoint();
            table[i] = (byte) Math.max(-128, Math.min(127, q));
        }
        return table;
    }

    /** Rounds to nearest, ties away from zero (TFLite's and CMSIS-NN's convention for quantizing reals). */
    public static long roundHalfAway(double v) {
        return (long) (v < 0 ? -StrictMath.floor(-v + 0.5) : StrictMath.floor(v + 0.5));
    }
}
