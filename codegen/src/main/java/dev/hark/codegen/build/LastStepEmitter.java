package dev.hark.codegen.build;

import dev.hark.codegen.model.LastStepCall;
import dev.hark.codegen.model.TracePoint;
import dev.hark.sim.model.LastStepLayer;

/**
 * Last-step pooling without a kernel: the classifier reads the GRU's last hidden state where the GRU wrote it,
 * through a pointer named after the layer ({@code context}), which is also what the trace hands out, so the traced
 * bytes are by construction the bytes the classifier consumes. The GRU output then stays live until the
 * classifier has read it. Only when the layer ends the network are the bytes copied, into the caller's output.
 */
final class LastStepEmitter {
    private LastStepEmitter() {
    }

    static Activation emit(Assembly a, LastStepLayer l, Activation sequence, boolean last) {
        Shapes.requireInput(l.name(), l.steps() * l.hiddenSize(), sequence);
        int step = a.timeline.nextStep();
        a.timeline.use(sequence, step);
        String name = CFormat.identifier(l.name());
        Activation context = last
                ? a.result(name + "_output", l.hiddenSize(), step, true, l.name() + " [" + l.hiddenSize() + "]")
                : a.view(name, sequence, l.hiddenSize());
        TracePoint trace = a.trace(l.tracedOutputs().get(0), context);
        String what = l.name() + ": the hidden state after the last of " + l.steps() + " steps, h[" + (l.steps() - 1)
                + "], bytes " + l.lastStepOffset() + " to " + (l.lastStepOffset() + l.hiddenSize() - 1) + " of "
                + sequence.expression();
        a.layerCalls.add(new LastStepCall(a.comment(what + (last ? ", copied to the output."
                : "; the next layer reads it in place.")), sequence.expression(), l.lastStepOffset(), l.hiddenSize(),
                context.expression(), last, trace));
        return context;
    }
}
