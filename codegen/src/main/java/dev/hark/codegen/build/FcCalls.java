package dev.hark.codegen.build;

import dev.hark.codegen.model.CDims;
import dev.hark.codegen.model.Comment;
import dev.hark.codegen.model.FullyConnectedCall;
import dev.hark.codegen.model.Scratch;
import dev.hark.sim.model.FullyConnected;

/**
 * {@code arm_fully_connected_s8} calls with their dims filled the way the simulator's {@code FcCall} fills them:
 * input {@code [batches][input]}, filter n = accumulation depth and c = outputs, output {@code [batches][outputs]}.
 */
final class FcCalls {
    private FcCalls() {
    }

    static FullyConnectedCall call(Comment comment, String params, FullyConnected fc, int batches, Activation input,
                                   String weights, Activation output) {
        Shapes.require(input.size() == batches * fc.inputSize(), params, "the fully-connected input holds "
                + input.size() + " values, not " + batches + " x " + fc.inputSize());
        Shapes.require(output.size() == batches * fc.outputSize(), params, "the fully-connected output holds "
                + output.size() + " values, not " + batches + " x " + fc.outputSize());
        return new FullyConnectedCall(comment, params, new CDims(batches, 1, 1, fc.inputSize()), input.expression(),
                new CDims(fc.inputSize(), 1, 1, fc.outputSize()), weights, new CDims(1, 1, 1, fc.outputSize()),
                new CDims(batches, 1, 1, fc.outputSize()), output.expression(),
                // ScratchSizes.fullyConnectedS8() is 0 on every targeted core; the C checks it again at run time.
                Scratch.NONE);
    }
}
