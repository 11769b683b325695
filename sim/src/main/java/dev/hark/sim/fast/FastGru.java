package dev.hark.sim.fast;

import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.kernels.ArmNnRequantize;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.GruLayer;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link HarkGruS8}'s integers with the work fused as {@code hark_gru_s8} fuses it in C: the input projections of all
 * steps first, then per step the three hidden projections and, unit by unit, the gate arithmetic with no vectors of
 * intermediates. Each addition's input scaling comes from {@link HarkGruS8#addInputTable}, as in C.
 */
public final class FastGru {
    private final GruLayer gru;
    private final FastFullyConnected[] inputFc = new FastFullyConnected[3];
    private final FastFullyConnected[] hiddenFc = new FastFullyConnected[3];
    private final Add addR;
    private final Add addZ;
    private final Add addN;
    private final Add addH;
    private final Mul mulRHn;
    private final Mul mulZcN;
    private final Mul mulZH;

    public FastGru(Rounding rounding, GruLayer gru) {
        Objects.requireNonNull(rounding, "rounding");
        this.gru = gru;
        for (int g = 0; g < 3; g++) {
            inputFc[g] = new FastFullyConnected(rounding, gru.inputFc()[g]);
            hiddenFc[g] = new FastFullyConnected(rounding, gru.hiddenFc()[g]);
        }
        addR = new Add(rounding, gru.addR());
        addZ = new Add(rounding, gru.addZ());
        addN = new Add(rounding, gru.addN());
        addH = new Add(rounding, gru.addH());
        mulRHn = new Mul(rounding, gru.mulRHn());
        mulZcN = new Mul(rounding, gru.mulZcN());
        mulZH = new Mul(rounding, gru.mulZH());
    }

    /** What a run over {@code steps} steps works in: the gates' projections and the hidden state. */
    public final class Scratch {
        private final int steps;
        private final byte[][] gx;
        private final byte[][] gh;
        private final byte[] h;
        private final int[] ints;

        private Scratch(int steps) {
            int hidden = gru.hiddenSize();
            this.steps = steps;
            this.gx = new byte[3][steps * hidden];
            this.gh = new byte[3][hidden];
            this.h = new byte[hidden];
            int ints = 0;
            for (int g = 0; g < 3; g++) {
                ints = Math.max(ints, Math.max(inputFc[g].scratchInts(), hiddenFc[g].scratchInts()));
            }
            this.ints = new int[ints];
        }
    }

    public Scratch newScratch(int steps) {
        return new Scratch(steps);
    }

    /**
     * @param state the hidden state to start from, overwritten with the last step's; {@code null} starts from 0.
     *              It may be {@code output} itself when there is one step.
     */
    public void run(byte[] input, byte[] state, byte[] output, Scratch scratch) {
        int hidden = gru.hiddenSize();
        int steps = scratch.steps;
        if (output.length != steps * hidden || (state != null && state.length != hidden)) {
            throw new IllegalArgumentException(gru.name() + ": an output of " + output.length + " values and a state of "
                    + (state == null ? 0 : state.length) + " for " + steps + " steps of " + hidden);
        }
        byte[][] gx = scratch.gx;
        byte[][] gh = scratch.gh;
        byte[] h = scratch.h;
        int[] ints = scratch.ints;
        for (int g = 0; g < 3; g++) {
            inputFc[g].run(steps, input, gx[g], ints);
        }
        if (state == null) {
            Arrays.fill(h, (byte) 0);
        } else {
            System.arraycopy(state, 0, h, 0, hidden);
        }
        byte[] sigmoidR = gru.sigmoidR();
        byte[] sigmoidZ = gru.sigmoidZ();
        byte[] oneMinusSigmoidZ = gru.oneMinusSigmoidZ();
        byte[] tanhN = gru.tanhN();
        byte[] gxR = gx[0];
        byte[] gxZ = gx[1];
        byte[] gxN = gx[2];
        byte[] ghR = gh[0];
        byte[] ghZ = gh[1];
        byte[] ghN = gh[2];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < 3; g++) {
                hiddenFc[g].run(1, h, gh[g], ints);
            }
            int at = t * hidden;
            for (int j = 0; j < hidden; j++) {
                int r = sigmoidR[addR.apply(gxR[at + j], ghR[j]) + 128];
                int preZ = addZ.apply(gxZ[at + j], ghZ[j]);
                int z = sigmoidZ[preZ + 128];
                int zc = oneMinusSigmoidZ[preZ + 128];
                int n = tanhN[addN.apply(gxN[at + j], mulRHn.apply(r, ghN[j])) + 128];
                // h[j] is read only here, after the hidden projections took the whole previous state.
                h[j] = (byte) addH.apply(mulZcN.apply(zc, n), mulZH.apply(z, h[j]));
            }
            System.arraycopy(h, 0, output, at, hidden);
        }
        if (state != null) {
            System.arraycopy(h, 0, state, 0, hidden);
        }
    }

    /** {@code arm_elementwise_add_s8} on one pair of values, the inputs' scaling read from a table. */
    private static final class Add {
        private final Rounding rounding;
        private final int[] inputs;
        private final int outOffset;
        private final int outMult;
        private final int outShift;
        private final int min;
        private final int max;

        Add(Rounding rounding, ElementwiseAdd p) {
            if (p.leftShift() < 0 || p.leftShift() > 31) {
                throw new IllegalArgumentException("arm_elementwise_add_s8: left_shift " + p.leftShift()
                        + " is outside [0, 31]");
            }
            this.rounding = rounding;
            this.inputs = HarkGruS8.addInputTable(rounding, p);
            this.outOffset = p.outOffset();
            this.outMult = p.outMult();
            this.outShift = p.outShift();
            this.min = p.activationMin();
            this.max = p.activationMax();
        }

        /** The int8 result, as an int. */
        int apply(int in1, int in2) {
            int sum = ArmNnRequantize.requantize(inputs[in1 + 128] + inputs[256 + in2 + 128], outMult, outShift,
                    rounding) + outOffset;
            return (byte) Widened.clamp(sum, min, max);
        }
    }

    /** {@code arm_elementwise_mul_s8} on one pair of values. */
    private static final class Mul {
        private final Rounding rounding;
        private final ElementwiseMul p;

        Mul(Rounding rounding, ElementwiseMul p) {
            this.rounding = rounding;
            this.p = p;
        }

        /** The int8 result, as an int. */
        int apply(int in1, int in2) {
            int product = (in1 + p.input1Offset()) * (in2 + p.input2Offset());
            int value = ArmNnRequantize.requantize(product, p.outMult(), p.outShift(), rounding) + p.outOffset();
            return (byte) Widened.clamp(value, p.activationMin(), p.activationMax());
        }
    }
}
