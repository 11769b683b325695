package dev.hark.sim.net;

import dev.hark.sim.glue.FcCall;
import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.glue.HarkLutS8;
import dev.hark.sim.glue.HarkTransposeS8;
import dev.hark.sim.glue.HarkWindowPushS8;
import dev.hark.sim.kernels.ArmConvolveWrapperS8;
import dev.hark.sim.kernels.HarkConvolve1chS8;
import dev.hark.sim.kernels.ArmSoftmaxS8;
import dev.hark.sim.program.ConvolveCall;
import dev.hark.sim.program.FullyConnectedCall;
import dev.hark.sim.program.GruCall;
import dev.hark.sim.program.KernelCall;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.LastStepCall;
import dev.hark.sim.program.LutCall;
import dev.hark.sim.program.SoftmaxCall;
import dev.hark.sim.program.Tensor;
import dev.hark.sim.program.TensorId;
import dev.hark.sim.program.TracePoint;
import dev.hark.sim.program.TransposeCall;
import dev.hark.sim.program.WindowPushCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link KernelProgram} with the Java twins of the kernels it calls, call by call, on one array per tensor,
 * recording every trace point: the bytes the firmware's trace callback receives.
 *
 * <p>The arrays outlive a run, so the {@link dev.hark.sim.program.TensorKind#STATE} tensors of a streaming program
 * carry over to the next run; {@link #resetState()} starts them over. Each tensor has its own array (a view gets a
 * copy of its bytes when the call that makes it runs), so results do not depend on the arena plan; that the plan
 * keeps live buffers apart is checked when it is made.
 */
final class ProgramExecutor implements KernelCall.Visitor<Void> {
    private final KernelProgram program;
    private final byte[][] values;

    ProgramExecutor(KernelProgram program) {
        this.program = program;
        this.values = new byte[program.tensors().size()][];
        for (Tensor t : program.tensors()) {
            values[t.id().index()] = new byte[t.size()];
        }
        resetState();
    }

    /** Sets every state tensor to its reset value, as at the start of a stream. */
    void resetState() {
        for (Tensor t : program.state()) {
            Arrays.fill(values[t.id().index()], t.resetValue());
        }
    }

    /** The current bytes of a tensor (a copy). */
    byte[] values(TensorId id) {
        return values[id.index()].clone();
    }

    /**
     * @param features as many int8 values as the program's input tensor holds
     * @return every traced tensor in trace order
     */
    Trace run(byte[] features) {
        Tensor input = program.input();
        if (features.length != input.size()) {
            throw new IllegalArgumentException("the model takes " + input.size() + " feature values, got "
                    + features.length);
        }
        System.arraycopy(features, 0, values[input.id().index()], 0, features.length);
        List<byte[]> traced = new ArrayList<>();
        List<KernelCall> calls = program.calls();
        for (int i = 0; i < calls.size(); i++) {
            calls.get(i).accept(this);
            for (TracePoint t : program.tracesAfter(i)) {
                traced.add(values[t.tensor().index()].clone());
            }
        }
        return new Trace(program.tracedTensors(), traced);
    }

    private byte[] v(TensorId id) {
        return values[id.index()];
    }

    @Override
    public Void convolve(ConvolveCall c) {
        // A switch expression, so that a new kernel does not compile until it runs here.
        return switch (c.kernel()) {
            case CMSIS_NN_WRAPPER -> {
                ArmConvolveWrapperS8.run(program.rounding(), c.conv(), c.quant(), c.inputDims(), v(c.input()),
                        c.filterDims(), c.weights(), c.biasDims(), c.bias(), c.outputDims(), v(c.output()));
                yield null;
            }
            case HARK_ONE_CHANNEL -> {
                HarkConvolve1chS8.run(program.rounding(), c.conv(), c.quant(), c.inputDims(), v(c.input()),
                        c.filterDims(), c.weights(), c.bias(), c.outputDims(), v(c.output()));
                yield null;
            }
        };
    }

    @Override
    public Void fullyConnected(FullyConnectedCall c) {
        byte[] weights = c.runtimeWeights() == null ? c.fc().weights() : v(c.runtimeWeights());
        FcCall.fullyConnected(program.rounding(), c.fc(), weights, c.batches(), v(c.input()), v(c.output()));
        return null;
    }

    @Override
    public Void gru(GruCall c) {
        byte[] state = c.state() == null ? null : v(c.state());
        HarkGruS8.run(program.rounding(), c.params(), c.steps(), v(c.input()), state, v(c.output()));
        return null;
    }

    @Override
    public Void lut(LutCall c) {
        HarkLutS8.run(v(c.input()), v(c.output()), c.size(), c.table());
        return null;
    }

    @Override
    public Void softmax(SoftmaxCall c) {
        ArmSoftmaxS8.run(v(c.input()), c.rows(), c.rowSize(), c.mult(), c.shift(), c.diffMin(), v(c.output()));
        return null;
    }

    @Override
    public Void transpose(TransposeCall c) {
        HarkTransposeS8.run(v(c.input()), v(c.output()), c.rows(), c.cols());
        return null;
    }

    @Override
    public Void lastStep(LastStepCall c) {
        System.arraycopy(v(c.input()), c.offset(), v(c.output()), 0, c.size());
        return null;
    }

    @Override
    public Void windowPush(WindowPushCall c) {
        HarkWindowPushS8.run(v(c.window()), c.slotSize(), c.slots(), v(c.input()));
        return null;
    }
}
