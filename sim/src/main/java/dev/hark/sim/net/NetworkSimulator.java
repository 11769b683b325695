package dev.hark.sim.net;

import dev.hark.sim.glue.FcCall;
import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.glue.HarkLutS8;
import dev.hark.sim.glue.HarkTransposeS8;
import dev.hark.sim.kernels.ArmConvolveWrapperS8;
import dev.hark.sim.kernels.ArmSoftmaxS8;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.ConvolveCall;
import dev.hark.sim.program.FullyConnectedCall;
import dev.hark.sim.program.GruCall;
import dev.hark.sim.program.KernelCall;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.LastStepCall;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.LutCall;
import dev.hark.sim.program.SoftmaxCall;
import dev.hark.sim.program.Tensor;
import dev.hark.sim.program.TensorId;
import dev.hark.sim.program.TracePoint;
import dev.hark.sim.program.TransposeCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The integer network in Java, the oracle the firmware is compared with: executes a {@link KernelProgram} with the Java twins of the kernels it calls, call by call, and records every
 * trace point: the bytes the firmware's trace callback receives.
 *
 * <p>Each tensor gets its own array (a view gets a copy of its bytes when the call that makes it runs), so the
 * result does not depend on the arena plan; that the plan keeps live buffers apart is checked when it is made.
 */
public final class NetworkSimulator {
    private final KernelProgram program;

    /** Simulates the program {@link Lowering#lower(QuantizedModel)} makes of {@code model}. */
    public NetworkSimulator(QuantizedModel model) {
        this(Lowering.lower(model));
    }

    public NetworkSimulator(KernelProgram program) {
        this.program = program;
    }

    public KernelProgram program() {
        return program;
    }

    /**
     * @param features int8 log-mel features {@code [frames][melBins]}
     * @return every traced tensor in trace order; {@link Trace#output()} is the class probabilities (scale 1/256,
     *         zero point -128)
     */
    public Trace run(byte[] features) {
        Tensor input = program.input();
        if (features.length != input.size()) {
            throw new IllegalArgumentException("the model takes " + input.size() + " feature values, got "
                    + features.length);
        }
        byte[][] values = new byte[program.tensors().size()][];
        for (Tensor t : program.tensors()) {
            values[t.id().index()] = new byte[t.size()];
        }
        values[input.id().index()] = features.clone();
        Executor executor = new Executor(program.rounding(), values);
        List<byte[]> traced = new ArrayList<>();
        List<KernelCall> calls = program.calls();
        for (int i = 0; i < calls.size(); i++) {
            calls.get(i).accept(executor);
            for (TracePoint t : program.tracesAfter(i)) {
                traced.add(values[t.tensor().index()].clone());
            }
        }
        return new Trace(program.tracedTensors(), traced);
    }

    /** One kernel per call kind, on the tensors' arrays. */
    private record Executor(Rounding rounding, byte[][] values) implements KernelCall.Visitor<Void> {
        private byte[] v(TensorId id) {
            return values[id.index()];
        }

        @Override
        public Void convolve(ConvolveCall c) {
            ArmConvolveWrapperS8.run(rounding, c.conv(), c.quant(), c.inputDims(), v(c.input()), c.filterDims(),
                    c.weights(), c.biasDims(), c.bias(), c.outputDims(), v(c.output()));
            return null;
        }

        @Override
        public Void fullyConnected(FullyConnectedCall c) {
            byte[] weights = c.runtimeWeights() == null ? c.fc().weights() : v(c.runtimeWeights());
            FcCall.fullyConnected(rounding, c.fc(), weights, c.batches(), v(c.input()), v(c.output()));
            return null;
        }

        @Override
        public Void gru(GruCall c) {
            HarkGruS8.run(rounding, c.params(), c.steps(), v(c.input()), v(c.output()));
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
    }
}
