package dev.hark.sim.model;

import java.util.List;

/**
 * A GRU layer composed of CMSIS-NN kernels and lookup tables (CMSIS-NN has no GRU). Gates are in PyTorch
 * order r, z, n. The integer algorithm is {@code dev.hark.sim.glue.HarkGruS8} in Java and {@code hark_gru_s8}
 * in C; {@code docs/integer-network.md} gives its formulas.
 *
 * <p>The hidden state is int8 with scale 1/128 and zero point 0. Tables have 256 entries indexed by
 * {@code q + 128}.
 *
 * @param steps    time steps per clip (the whole-clip network runs a fixed number)
 * @param inputFc  {@code W_i? x + b_i?} for r, z, n
 * @param hiddenFc {@code W_h? h + b_h?} for r, z, n
 */
public record GruLayer(String name, int steps, int inputSize, int hiddenSize, FullyConnected[] inputFc,
                       FullyConnected[] hiddenFc, ElementwiseAdd addR, ElementwiseAdd addZ, ElementwiseAdd addN,
                       ElementwiseAdd addH, ElementwiseMul mulRHn, ElementwiseMul mulZcN, ElementwiseMul mulZH,
                       byte[] sigmoidR, byte[] sigmoidZ, byte[] oneMinusSigmoidZ, byte[] tanhN,
                       TensorQuant output) implements Layer {
    public GruLayer {
        if (inputFc.length != 3 || hiddenFc.length != 3) {
            throw new IllegalArgumentException(name + ": a GRU needs three gates (r, z, n)");
        }
        for (byte[] table : new byte[][] {sigmoidR, sigmoidZ, oneMinusSigmoidZ, tanhN}) {
            if (table.length != 256) {
                throw new IllegalArgumentException(name + ": activation tables need 256 entries");
            }
        }
    }

    @Override
    public List<TracedTensor> tracedOutputs() {
        return List.of(new TracedTensor(name, steps * hiddenSize, steps));
    }
}
