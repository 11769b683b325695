package dev.hark.codegen.build;

import dev.hark.codegen.model.Comment;
import dev.hark.codegen.model.DenseCall;
import dev.hark.codegen.model.FullyConnectedCall;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.FullyConnected;

/** A dense layer: its {@code hark_fc_s8_params} and one {@code arm_fully_connected_s8} call. */
final class DenseEmitter {
    private DenseEmitter() {
    }

    static Activation emit(Assembly a, DenseLayer d, Activation input, boolean last) {
        FullyConnected fc = d.fc();
        Shapes.requireInput(d.name(), fc.inputSize(), input);
        String params = a.fcParamsConstant(fc, d.name(), "params", "(output scale " + d.output().scale()
                + ", zero point " + d.output().zeroPoint() + ")");
        int step = a.timeline.nextStep();
        a.timeline.use(input, step);
        Activation output = a.result(CFormat.identifier(d.name()) + "_output", fc.outputSize(), step, last,
                d.name() + " output [" + fc.outputSize() + "]");
        FullyConnectedCall call = FcCalls.call(Comment.NONE, params, fc, 1, input, params + ".weights",
                output);
        a.layerCalls.add(new DenseCall(a.comment(d.name() + ": fully connected " + fc.inputSize() + " -> "
                + fc.outputSize() + "."), call, a.trace(d.tracedOutputs().get(0), output)));
        return output;
    }
}
