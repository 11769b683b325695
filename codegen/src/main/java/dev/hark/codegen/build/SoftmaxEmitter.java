package dev.hark.codegen.build;

import dev.hark.codegen.model.Comment;
import dev.hark.codegen.model.SoftmaxCall;
import dev.hark.codegen.model.SoftmaxRowsCall;
import dev.hark.sim.model.SoftmaxLayer;
import java.util.Locale;

/** A softmax layer: its parameters as macros and one {@code arm_softmax_s8} call over one row. */
final class SoftmaxEmitter {
    private SoftmaxEmitter() {
    }

    static Activation emit(Assembly a, SoftmaxLayer s, Activation input, boolean last) {
        Shapes.requireInput(s.name(), s.rowSize(), input);
        String macro = "HARK_" + CFormat.identifier(s.name()).toUpperCase(Locale.ROOT) + "_SOFTMAX_";
        String mult = a.dataMacro(macro + "MULT", s.mult(), s.name() + " softmax: input multiplier (Q31).");
        String shift = a.dataMacro(macro + "SHIFT", s.shift(), s.name() + " softmax: input left shift.");
        String diffMin = a.dataMacro(macro + "DIFF_MIN", s.diffMin(), s.name()
                + " softmax: smallest difference to the maximum that still counts.");
        int step = a.timeline.nextStep();
        a.timeline.use(input, step);
        Activation output = a.result(CFormat.identifier(s.name()) + "_output", s.rowSize(), step, last,
                s.name() + " output [" + s.rowSize() + "]");
        SoftmaxRowsCall call = new SoftmaxRowsCall(Comment.NONE, input.expression(), 1, s.rowSize(), mult, shift,
                diffMin, output.expression());
        a.layerCalls.add(new SoftmaxCall(a.comment(s.name() + ": softmax over " + s.rowSize() + " values; the "
                + "output has scale 1/256 and zero point -128, so q + 128 is the probability in 1/256 steps."),
                call, a.trace(s.tracedOutputs().get(0), output)));
        return output;
    }
}
