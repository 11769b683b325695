package dev.hark.sim.fast;

import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.kernels.ArmNnRequantize;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;
import java.util.Objects;

/**
 * {@link HarkGruS8}'s integers with the work fused as {@code hark_gru_s8} fuses it in C: per step the three gates'
 * input projections and then their three hidden projections, and, unit by unit, the gate arithmetic with no vectors of
 * intermediates. Each addition's input scaling comes from {@link HarkGruS8#addInputTable}, as in C.
 *
 * <p>The three gates' projections of one operand are one matrix of {@code 3 * hidden} rows ({@link RowPairs}), so each
 * step widens its input and the hidden state once, not once a gate. The widened values carry no offset: each row's
 * {@code inputOffset * sum_i w[i]} is added to its bias once, when the layer is compiled, which gives the same int32
 * sum (wrapping addition and multiplication are a ring mod 2^32); so the gates need not share an offset. The hidden
 * state is kept widened as well and updated unit by unit.
 */
public final class FastGru {
    private final GruLayer gru;
    private final int hidden;
    private final int inputSize;
    private final Projections inputProjections;
    private final Projections hiddenProjections;
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
        this.hidden = gru.hiddenSize();
        this.inputSize = gru.inputSize();
        inputProjections = new Projections(rounding, gru.inputFc(), inputSize, hidden);
        hiddenProjections = new Projections(rounding, gru.hiddenFc(), hidden, hidden);
        addR = new Add(rounding, gru.addR());
        addZ = new Add(rounding, gru.addZ());
        addN = new Add(rounding, gru.addN());
        addH = new Add(rounding, gru.addH());
        mulRHn = new Mul(rounding, gru.mulRHn());
        mulZcN = new Mul(rounding, gru.mulZcN());
        mulZH = new Mul(rounding, gru.mulZH());
    }

    /** What a run over {@code steps} steps works in: the widened input and hidden state, and the projections. */
    public final class Scratch {
        private final int steps;
        private final int[] x = new int[inputSize];
        private final int[] h = new int[hidden];
        private final int[] sums = new int[3 * hidden];
        /** The projections of the gates r, z and n, one after another. */
        private final int[] gx = new int[3 * hidden];
        private final int[] gh = new int[3 * hidden];

        private Scratch(int steps) {
            this.steps = steps;
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
        int steps = scratch.steps;
        if (input.length != steps * inputSize || output.length != steps * hidden
                || (state != null && state.length != hidden)) {
            throw new IllegalArgumentException(gru.name() + ": an input of " + input.length + " values, an output of "
                    + output.length + " and a state of " + (state == null ? 0 : state.length) + " for " + steps
                    + " steps of " + inputSize + " -> " + hidden);
        }
        int[] x = scratch.x;
        int[] h = scratch.h;
        int[] sums = scratch.sums;
        int[] gx = scratch.gx;
        int[] gh = scratch.gh;
        for (int j = 0; j < hidden; j++) {
            h[j] = state == null ? 0 : state[j];
        }
        byte[] sigmoidR = gru.sigmoidR();
        byte[] sigmoidZ = gru.sigmoidZ();
        byte[] oneMinusSigmoidZ = gru.oneMinusSigmoidZ();
        byte[] tanhN = gru.tanhN();
        int z0 = hidden;
        int n0 = 2 * hidden;
        for (int t = 0; t < steps; t++) {
            Widened.widen(input, t * inputSize, x, 0, inputSize, 0);
            inputProjections.run(x, sums, gx);
            hiddenProjections.run(h, sums, gh);
            int at = t * hidden;
            for (int j = 0; j < hidden; j++) {
                int r = sigmoidR[addR.apply(gx[j], gh[j]) + 128];
                int preZ = addZ.apply(gx[z0 + j], gh[z0 + j]);
                int z = sigmoidZ[preZ + 128];
                int zc = oneMinusSigmoidZ[preZ + 128];
                int n = tanhN[addN.apply(gx[n0 + j], mulRHn.apply(r, gh[n0 + j])) + 128];
                // h[j] is read only here, after the hidden projections took the whole previous state.
                int next = addH.apply(mulZcN.apply(zc, n), mulZH.apply(z, h[j]));
                h[j] = next;
                output[at + j] = (byte) next;
            }
        }
        if (state != null) {
            System.arraycopy(output, (steps - 1) * hidden, state, 0, hidden);
        }
    }

    /**
     * The three gates' fully-connected calls on one operand ({@code arm_fully_connected_s8} as
     * {@link dev.hark.sim.glue.FcCall} calls it) as one matrix; each gate keeps its own requantization.
     */
    private static final class Projections {
        private final Rounding rounding;
        private final int rows;
        private final RowPairs weights;
        /** Per row, the bias with the gate's input offset times the row's sum of weights added. */
        private final int[] bias;
        private final int[] multiplier = new int[3];
        private final int[] shift = new int[3];
        private final int[] outputOffset = new int[3];
        private final int[] min = new int[3];
        private final int[] max = new int[3];

        Projections(Rounding rounding, FullyConnected[] gates, int inputSize, int hidden) {
            this.rounding = rounding;
            this.rows = 3 * hidden;
            int[] widened = new int[rows * inputSize];
            this.bias = new int[rows];
            for (int g = 0; g < 3; g++) {
                FullyConnected fc = gates[g];
                if (fc.inputSize() != inputSize || fc.outputSize() != hidden || fc.weights() == null) {
                    throw new IllegalArgumentException("a GRU gate's projection " + fc.inputSize() + " -> "
                            + fc.outputSize() + " is not " + inputSize + " -> " + hidden + " with constant weights");
                }
                Widened.widen(fc.weights(), 0, widened, g * hidden * inputSize, hidden * inputSize, 0);
                for (int o = 0; o < hidden; o++) {
                    int rowSum = 0;
                    for (int i = 0; i < inputSize; i++) {
                        rowSum += fc.weights()[o * inputSize + i];
                    }
                    bias[g * hidden + o] = fc.bias()[o] + fc.inputOffset() * rowSum;
                }
                multiplier[g] = fc.multiplier();
                shift[g] = fc.shift();
                outputOffset[g] = fc.outputOffset();
                min[g] = fc.activationMin();
                max[g] = fc.activationMax();
            }
            this.weights = new RowPairs(widened, rows, inputSize, -Byte.MIN_VALUE);
        }

        /** {@code out} = the int8 projections of the widened operand {@code x} (no offset added), as ints. */
        void run(int[] x, int[] sums, int[] out) {
            weights.dots(x, 0, sums, 0);
            int hidden = rows / 3;
            for (int g = 0; g < 3; g++) {
                int gateMultiplier = multiplier[g];
                int gateShift = shift[g];
                int gateOffset = outputOffset[g];
                int gateMin = min[g];
                int gateMax = max[g];
                for (int r = g * hidden; r < (g + 1) * hidden; r++) {
                    int value = ArmNnRequantize.requantize(bias[r] + sums[r], gateMultiplier, gateShift, rounding)
                            + gateOffset;
                    out[r] = (byte) Widened.clamp(value, gateMin, gateMax);
                }
            }
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
