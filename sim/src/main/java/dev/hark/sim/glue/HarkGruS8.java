package dev.hark.sim.glue;

import dev.hark.sim.kernels.ArmElementwiseAddS8;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.GruLayer;

/**
 * {@code hark_gru_s8}: a GRU layer built only from CMSIS-NN kernels and lookup tables. The firmware's C function of
 * the same name computes the same integers with the work fused: per block of hidden units, each unit's six dot
 * products in one pass, then the block's gate arithmetic (hark_nnfunctions.h); this class keeps the calls apart, as
 * they define it.
 *
 * <pre>
 * for g in r, z, n:  gx_g[0..T) = FC(x[0..T), input_fc[g])        one batched call per gate
 * h = state, or 0 without one
 * for t in 0..T-1:
 *   gh_g  = FC(h, hidden_fc[g])                      for g in r, z, n
 *   r     = sigmoid_r[ add(gx_r[t], gh_r) ]
 *   pre_z = add(gx_z[t], gh_z);  z = sigmoid_z[pre_z];  zc = one_minus_sigmoid_z[pre_z]
 *   n     = tanh_n[ add(gx_n[t], mul(r, gh_n)) ]
 *   h     = add(mul(zc, n), mul(z, h))                 h' = (1 - z) n + z h
 *   out[t] = h
 * state = h
 * </pre>
 *
 * <p>Why this shape: PyTorch's n gate multiplies r with the hidden projection including its bias, so the hidden
 * projections keep {@code b_h?} separately; and {@code 1 - z} comes from its own table because CMSIS-NN has no
 * subtraction kernel. The hidden state is int8 with scale 1/128 and zero point 0.
 */
public final class HarkGruS8 {
    private HarkGruS8() {
    }

    /** A GRU from a zero hidden state, as a whole-clip program runs it. */
    public static void run(Rounding rounding, GruLayer gru, int steps, byte[] input, byte[] output) {
        run(rounding, gru, steps, input, null, output);
    }

    /**
     * @param state the hidden state to start from, overwritten with the last step's; {@code null} starts from 0.
     *              It may be {@code output} itself when {@code steps} is 1.
     */
    public static void run(Rounding rounding, GruLayer gru, int steps, byte[] input, byte[] state, byte[] output) {
        int hidden = gru.hiddenSize();
        byte[][] gx = new byte[3][steps * hidden];
        for (int g = 0; g < 3; g++) {
            FcCall.fullyConnected(rounding, gru.inputFc()[g], steps, input, gx[g]);
        }
        byte[] h = state == null ? new byte[hidden] : state.clone();
        byte[][] gh = new byte[3][hidden];
        byte[] pre = new byte[hidden];
        byte[] r = new byte[hidden];
        byte[] z = new byte[hidden];
        byte[] zc = new byte[hidden];
        byte[] n = new byte[hidden];
        byte[] a = new byte[hidden];
        byte[] b = new byte[hidden];
        byte[] gxt = new byte[hidden];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < 3; g++) {
                FcCall.fullyConnected(rounding, gru.hiddenFc()[g], 1, h, gh[g]);
            }
            step(gx[0], t, gxt);
            FcCall.add(rounding, gru.addR(), gxt, gh[0], pre, hidden);
            HarkLutS8.run(pre, r, hidden, gru.sigmoidR());

            step(gx[1], t, gxt);
            FcCall.add(rounding, gru.addZ(), gxt, gh[1], pre, hidden);
            HarkLutS8.run(pre, z, hidden, gru.sigmoidZ());
            HarkLutS8.run(pre, zc, hidden, gru.oneMinusSigmoidZ());

            FcCall.mul(rounding, gru.mulRHn(), r, gh[2], a, hidden);
            step(gx[2], t, gxt);
            FcCall.add(rounding, gru.addN(), gxt, a, pre, hidden);
            HarkLutS8.run(pre, n, hidden, gru.tanhN());

            FcCall.mul(rounding, gru.mulZcN(), zc, n, a, hidden);
            FcCall.mul(rounding, gru.mulZH(), z, h, b, hidden);
            FcCall.add(rounding, gru.addH(), a, b, h, hidden);
            System.arraycopy(h, 0, output, t * hidden, hidden);
        }
        if (state != null) {
            System.arraycopy(h, 0, state, 0, hidden);
        }
    }

    /**
     * The table {@code hark_gru_s8} reads an addition's input scaling from ({@code add_?_inputs} of
     * {@code hark_gru_s8_params}): [2][256], input 1 then input 2, entry {@code v + 128} being
     * {@link ArmElementwiseAddS8#scaledInput} of the int8 value {@code v}. The code generator emits it for each of
     * the four additions; the simulator's additions compute the same integers element by element.
     */
    public static int[] addInputTable(Rounding rounding, ElementwiseAdd add) {
        int[] table = new int[2 * 256];
        for (int v = -128; v < 128; v++) {
            table[v + 128] = ArmElementwiseAddS8.scaledInput(rounding, v, add.input1Offset(), add.leftShift(),
                    add.input1Mult(), add.input1Shift());
            table[256 + v + 128] = ArmElementwiseAddS8.scaledInput(rounding, v, add.input2Offset(), add.leftShift(),
                    add.input2Mult(), add.input2Shift());
        }
        return table;
    }

    /**
     * The bytes of one GRU layer's addition tables as the code generator writes them to flash: an
     * {@link #addInputTable} of int32 entries for each of its four additions (r, z, n and h).
     */
    public static long addInputTablesBytes(Rounding rounding, GruLayer gru) {
        long bytes = 0;
        for (ElementwiseAdd add : new ElementwiseAdd[] {gru.addR(), gru.addZ(), gru.addN(), gru.addH()}) {
            bytes += (long) addInputTable(rounding, add).length * Integer.BYTES;
        }
        return bytes;
    }

    private static void step(byte[] sequence, int t, byte[] out) {
        System.arraycopy(sequence, t * out.length, out, 0, out.length);
    }

}
