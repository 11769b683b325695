package dev.hark.codegen.build;

import dev.hark.codegen.model.AttentionCall;
import dev.hark.codegen.model.FullyConnectedCall;
import dev.hark.codegen.model.LutCall;
import dev.hark.codegen.model.SoftmaxRowsCall;
import dev.hark.codegen.model.TracePoint;
import dev.hark.codegen.model.TransposeCall;
import dev.hark.sim.model.AttentionLayer;
import dev.hark.sim.model.FullyConnected;

/**
 * Attention pooling, call for call as {@code NetworkSimulator} runs it: energy FC over all steps, tanh table in
 * place, score FC, softmax over the steps (traced as {@code <name>.weights}), transpose of the GRU outputs to
 * {@code [hidden][steps]}, and the weighted sum as an FC with the weights as input and the transposed outputs as
 * filter (traced as {@code <name>.context}).
 */
final class AttentionEmitter {
    private AttentionEmitter() {
    }

    static Activation emit(Assembly a, AttentionLayer at, Activation hidden, boolean last) {
        int steps = at.steps();
        int units = at.hiddenSize();
        String name = at.name();
        String id = CFormat.identifier(name);
        Shapes.requireInput(name, steps * units, hidden);
        requireFc(at, at.energy(), units, units, true);
        requireFc(at, at.score(), units, 1, true);
        requireFc(at, at.context(), steps, units, false);

        String energyParams = a.fcParamsConstant(at.energy(), name, "energy", "energy projection W1 h + b1");
        String tanh = a.int8Array(a.constantName(name, "tanh_energy"), at.tanhEnergy(), true, name
                + " tanh of the energy: int8 [256], entry k is the result for the energy k - 128.");
        String scoreParams = a.fcParamsConstant(at.score(), name, "score", "score projection w2 e + b2");
        String contextParams = a.fcParamsConstant(at.context(), name, "context",
                "weighted sum of the hidden states (weights come from the GRU output at run time)");
        String mult = a.dataMacro("HARK_" + id.toUpperCase(java.util.Locale.ROOT) + "_SOFTMAX_MULT",
                at.softmaxMult(), name + " softmax over the steps: input multiplier (Q31).");
        String shift = a.dataMacro("HARK_" + id.toUpperCase(java.util.Locale.ROOT) + "_SOFTMAX_SHIFT",
                at.softmaxShift(), name + " softmax: input left shift.");
        String diffMin = a.dataMacro("HARK_" + id.toUpperCase(java.util.Locale.ROOT) + "_SOFTMAX_DIFF_MIN",
                at.softmaxDiffMin(), name + " softmax: smallest difference to the maximum that still counts.");

        int energyStep = a.timeline.nextStep();
        a.timeline.use(hidden, energyStep);
        Activation energy = a.temporary(id + "_energy", steps * units, energyStep,
                name + " energy [" + steps + "][" + units + "]");
        FullyConnectedCall energyCall = FcCalls.call(a.comment(name + " energy: e = W1 h + b1 for all " + steps
                + " steps at once."), energyParams, at.energy(), steps, hidden, energyParams + ".weights", energy);

        int tanhStep = a.timeline.nextStep();
        a.timeline.use(energy, tanhStep);
        LutCall tanhCall = new LutCall(a.comment(name + " energy: e = tanh(e), in place."), energy.expression(),
                energy.expression(), energy.size(), tanh);

        int scoreStep = a.timeline.nextStep();
        a.timeline.use(energy, scoreStep);
        Activation scores = a.temporary(id + "_scores", steps, scoreStep, name + " scores [" + steps + "]");
        FullyConnectedCall scoreCall = FcCalls.call(a.comment(name + " scores: s = w2 e + b2, one per step."),
                scoreParams, at.score(), steps, energy, scoreParams + ".weights", scores);

        int softmaxStep = a.timeline.nextStep();
        a.timeline.use(scores, softmaxStep);
        Activation weights = a.temporary(id + "_weights", steps, softmaxStep,
                name + " weights alpha [" + steps + "]");
        SoftmaxRowsCall softmaxCall = new SoftmaxRowsCall(a.comment(name + " weights: alpha = softmax of the "
                + "scores over the steps (scale 1/256, zero point -128)."), scores.expression(), 1, steps, mult,
                shift, diffMin, weights.expression());
        TracePoint weightsTrace = a.trace(at.tracedOutputs().get(0), weights);

        int transposeStep = a.timeline.nextStep();
        a.timeline.use(hidden, transposeStep);
        Activation byUnit = a.temporary(id + "_hidden_t", steps * units, transposeStep,
                name + " hidden states transposed [" + units + "][" + steps + "]");
        TransposeCall transposeCall = new TransposeCall(a.comment(name + " context, part 1: the hidden states "
                + "transposed to [" + units + "][" + steps + "] so that they can serve as a filter."),
                hidden.expression(), byUnit.expression(), steps, units);

        int contextStep = a.timeline.nextStep();
        a.timeline.use(weights, contextStep);
        a.timeline.use(byUnit, contextStep);
        Activation context = a.result(id + "_context", units, contextStep, last, name + " context [" + units + "]");
        FullyConnectedCall contextCall = FcCalls.call(a.comment(name + " context, part 2: c[j] = sum over t of "
                + "alpha[t] h[t][j], a fully-connected layer with alpha as input and the hidden states as weights."),
                contextParams, at.context(), 1, weights, byUnit.expression(), context);
        TracePoint contextTrace = a.trace(at.tracedOutputs().get(1), context);

        a.layerCalls.add(new AttentionCall(a.comment(name + ": attention pooling of [" + steps + "][" + units
                + "] hidden states into one context vector of " + units + "."), energyCall, tanhCall, scoreCall,
                softmaxCall, weightsTrace, transposeCall, contextCall, contextTrace));
        return context;
    }

    private static void requireFc(AttentionLayer at, FullyConnected fc, int inputs, int outputs, boolean weights) {
        Shapes.require(fc.inputSize() == inputs && fc.outputSize() == outputs && (fc.weights() != null) == weights,
                at.name(), "a projection is " + fc.outputSize() + " x " + fc.inputSize() + ", expected " + outputs
                        + " x " + inputs);
    }
}
