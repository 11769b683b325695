package dev.hark.codegen.build;

import dev.hark.codegen.model.AddParamsInitializer;
import dev.hark.codegen.model.FcParamsInitializer;
import dev.hark.codegen.model.GruCall;
import dev.hark.codegen.model.GruParamsConstant;
import dev.hark.codegen.model.MulParamsInitializer;
import dev.hark.codegen.model.Scratch;
import dev.hark.codegen.model.TracePoint;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.program.ScratchSizes;
import java.util.ArrayList;
import java.util.List;

/** A GRU layer: its weights, tables and {@code hark_gru_s8_params}, and one {@code hark_gru_s8} call. */
final class GruEmitter {
    private static final String[] GATES = {"r", "z", "n"};

    private GruEmitter() {
    }

    static Activation emit(Assembly a, GruLayer g, Activation input, boolean last) {
        Shapes.requireInput(g.name(), g.steps() * g.inputSize(), input);
        String id = CFormat.identifier(g.name());
        List<FcParamsInitializer> inputFc = new ArrayList<>();
        List<FcParamsInitializer> hiddenFc = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            checkFc(g, g.inputFc()[i], g.inputSize(), "input");
            checkFc(g, g.hiddenFc()[i], g.hiddenSize(), "hidden");
            inputFc.add(a.fullyConnected(g.inputFc()[i], "hark_" + id + "_input_" + GATES[i],
                    "gate " + GATES[i] + ": W_i" + GATES[i] + " x + b_i" + GATES[i],
                    g.name() + " input projection of gate " + GATES[i] + " (W_i" + GATES[i] + ")"));
        }
        for (int i = 0; i < 3; i++) {
            hiddenFc.add(a.fullyConnected(g.hiddenFc()[i], "hark_" + id + "_hidden_" + GATES[i],
                    "gate " + GATES[i] + ": W_h" + GATES[i] + " h + b_h" + GATES[i],
                    g.name() + " hidden projection of gate " + GATES[i] + " (W_h" + GATES[i] + ")"));
        }
        List<String> tables = List.of(
                table(a, g, "sigmoid_r", g.sigmoidR(), "sigmoid of the r gate", g.mulRHn().input1Offset()),
                table(a, g, "sigmoid_z", g.sigmoidZ(), "sigmoid of the z gate", g.mulZH().input1Offset()),
                table(a, g, "one_minus_sigmoid_z", g.oneMinusSigmoidZ(), "1 - sigmoid of the z gate",
                        g.mulZcN().input1Offset()),
                table(a, g, "tanh_n", g.tanhN(), "tanh of the n gate", g.mulZcN().input2Offset()));
        List<AddParamsInitializer> adds = List.of(add("add_r", g.addR()), add("add_z", g.addZ()),
                add("add_n", g.addN()), add("add_h", g.addH()));
        List<MulParamsInitializer> muls = List.of(mul("mul_r_hn", g.mulRHn()), mul("mul_zc_n", g.mulZcN()),
                mul("mul_z_h", g.mulZH()));
        String params = a.constantName(g.name(), "params");
        String text = g.name() + ": GRU " + g.inputSize() + " -> " + g.hiddenSize() + " over " + g.steps()
                + " steps, gates r, z, n in PyTorch order; the hidden state is int8 with scale "
                + g.output().scale() + " and zero point " + g.output().zeroPoint() + ".";
        a.constants.add(new GruParamsConstant(params, a.comment(text), g.inputSize(), g.hiddenSize(), inputFc,
                hiddenFc, adds, muls, tables));
        a.declare("hark_gru_s8_params", params, 0, text);

        int step = a.timeline.nextStep();
        Scratch scratch = a.scratch(id + "_scratch", ScratchSizes.gruS8(g.hiddenSize(), g.steps()), step,
                g.name() + " gate projections and per-step vectors");
        a.timeline.use(input, step);
        Activation output = a.result(id + "_output", g.steps() * g.hiddenSize(), step, last,
                g.name() + " hidden states [" + g.steps() + "][" + g.hiddenSize() + "]");
        TracePoint trace = a.trace(g.tracedOutputs().get(0), output);
        a.layerCalls.add(new GruCall(a.comment(g.name() + ": GRU [" + g.steps() + "][" + g.inputSize() + "] -> ["
                + g.steps() + "][" + g.hiddenSize() + "], the hidden state after every step (h starts at 0)."),
                scratch, params, g.steps(), input.expression(), output.expression(), trace));
        return output;
    }

    private static void checkFc(GruLayer g, FullyConnected fc, int inputSize, String which) {
        Shapes.require(fc.weights() != null && fc.inputSize() == inputSize && fc.outputSize() == g.hiddenSize(),
                g.name(), "the " + which + " projections must be " + g.hiddenSize() + " x " + inputSize
                        + " with constant weights");
    }

    private static String table(Assembly a, GruLayer g, String what, byte[] values, String description,
                                int consumerOffset) {
        return a.int8Array(a.constantName(g.name(), what), values, false, g.name() + " " + description
                + ": int8 [256], entry k is the result for the pre-activation k - 128; output zero point "
                + (-consumerOffset) + ".");
    }

    private static AddParamsInitializer add(String field, ElementwiseAdd p) {
        return new AddParamsInitializer(field, p.input1Offset(), p.input1Mult(), p.input1Shift(), p.input2Offset(),
                p.input2Mult(), p.input2Shift(), p.leftShift(), p.outOffset(), p.outMult(), p.outShift(),
                p.activationMin(), p.activationMax());
    }

    private static MulParamsInitializer mul(String field, ElementwiseMul p) {
        return new MulParamsInitializer(field, p.input1Offset(), p.input2Offset(), p.outOffset(), p.outMult(),
                p.outShift(), p.activationMin(), p.activationMax());
    }
}
