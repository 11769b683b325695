package dev.hark.sim.net;

import dev.hark.sim.glue.FcCall;
import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.glue.HarkLutS8;
import dev.hark.sim.glue.HarkTransposeS8;
import dev.hark.sim.glue.HarkWindowPushS8;
import dev.hark.sim.kernels.ArmConvolveWrapperS8;
import dev.hark.sim.kernels.HarkConvolve1chS8;
import dev.hark.sim.kernels.ArmSoftmaxS8;
import dev.hark.sim.fast.FastConvolution;
import dev.hark.sim.fast.FastFullyConnected;
import dev.hark.sim.fast.FastGru;
import dev.hark.sim.fast.FastSoftmax;
import dev.hark.sim.model.Layer;
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
 * Runs a {@link KernelProgram} call by call on one array per tensor, recording every trace point: the bytes the
 * firmware's trace callback receives. Either with the reference kernels, the Java twins that define the integers, or
 * with the fast kernels of {@link CompiledKernels} for the heavy calls; the tests compare the two.
 *
 * <p>The arrays outlive a run, so the {@link dev.hark.sim.program.TensorKind#STATE} tensors of a streaming program
 * carry over to the next run; {@link #resetState()} starts them over. Each tensor has its own array (a view gets a
 * copy of its bytes when the call that makes it runs), so results do not depend on the arena plan; that the plan
 * keeps live buffers apart is checked when it is made. The fast kernels' scratch belongs to the executor too, so a
 * run allocates only the trace it returns; an executor serves one thread.
 */
final class ProgramExecutor {
    private final KernelProgram program;
    private final byte[][] values;
    /** Per call, the call bound to its arrays. */
    private final Runnable[] calls;
    /** Per call, the tensors traced right after it, in trace order. */
    private final List<List<TensorId>> tracesAfter;
    private final List<Tensor> state;
    /** Looked up once: a streaming program runs once every few frames, and each look-up walks the tensor list. */
    private final Tensor input;
    private final List<Layer.TracedTensor> tracedTensors;

    /** An executor of the reference kernels, call by call as they define the integers. */
    static ProgramExecutor reference(KernelProgram program) {
        return new ProgramExecutor(program, null);
    }

    /** An executor of the fast kernels (for the heavy calls) of a compiled program. */
    static ProgramExecutor fast(CompiledKernels kernels) {
        return new ProgramExecutor(kernels.program(), kernels);
    }

    private ProgramExecutor(KernelProgram program, CompiledKernels kernels) {
        this.program = program;
        this.values = new byte[program.tensors().size()][];
        for (Tensor t : program.tensors()) {
            values[t.id().index()] = new byte[t.size()];
        }
        List<KernelCall> callList = program.calls();
        this.calls = new Runnable[callList.size()];
        this.tracesAfter = new ArrayList<>(callList.size());
        ReferenceCalls reference = new ReferenceCalls();
        for (int i = 0; i < calls.length; i++) {
            Object fast = kernels == null ? null : kernels.kernel(i);
            calls[i] = callList.get(i).accept(fast == null ? reference : new FastCalls(fast));
            tracesAfter.add(new ArrayList<>());
        }
        // One pass over the trace points, not one per call: a whole clip makes an executor per run.
        for (TracePoint t : program.traces()) {
            if (t.afterCall() >= 0 && t.afterCall() < calls.length) {
                tracesAfter.get(t.afterCall()).add(t.tensor());
            }
        }
        this.state = program.state();
        this.input = program.input();
        this.tracedTensors = program.tracedTensors();
        resetState();
    }

    /** Sets every state tensor to its reset value, as at the start of a stream. */
    void resetState() {
        for (Tensor t : state) {
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
        if (features.length != input.size()) {
            throw new IllegalArgumentException("the model takes " + input.size() + " feature values, got "
                    + features.length);
        }
        System.arraycopy(features, 0, values[input.id().index()], 0, features.length);
        List<byte[]> traced = new ArrayList<>(tracedTensors.size());
        for (int i = 0; i < calls.length; i++) {
            calls[i].run();
            for (TensorId t : tracesAfter.get(i)) {
                traced.add(values[t.index()].clone());
            }
        }
        return new Trace(tracedTensors, traced);
    }

    private byte[] v(TensorId id) {
        return values[id.index()];
    }

    /** Each call bound to its reference kernel. */
    private class ReferenceCalls implements KernelCall.Visitor<Runnable> {
        @Override
        public Runnable convolve(ConvolveCall c) {
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            // A switch expression, so that a new kernel does not compile until it runs here.
            return switch (c.kernel()) {
                case CMSIS_NN_WRAPPER -> () -> ArmConvolveWrapperS8.run(program.rounding(), c.conv(), c.quant(),
                        c.inputDims(), input, c.filterDims(), c.weights(), c.biasDims(), c.bias(), c.outputDims(),
                        output);
                case HARK_ONE_CHANNEL -> () -> HarkConvolve1chS8.run(program.rounding(), c.conv(), c.quant(),
                        c.inputDims(), input, c.filterDims(), c.weights(), c.bias(), c.outputDims(), output);
            };
        }

        @Override
        public Runnable fullyConnected(FullyConnectedCall c) {
            byte[] weights = c.runtimeWeights() == null ? c.fc().weights() : v(c.runtimeWeights());
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            return () -> FcCall.fullyConnected(program.rounding(), c.fc(), weights, c.batches(), input, output);
        }

        @Override
        public Runnable gru(GruCall c) {
            byte[] state = c.state() == null ? null : v(c.state());
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            return () -> HarkGruS8.run(program.rounding(), c.params(), c.steps(), input, state, output);
        }

        @Override
        public Runnable lut(LutCall c) {
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            return () -> HarkLutS8.run(input, output, c.size(), c.table());
        }

        @Override
        public Runnable softmax(SoftmaxCall c) {
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            return () -> ArmSoftmaxS8.run(input, c.rows(), c.rowSize(), c.mult(), c.shift(), c.diffMin(), output);
        }

        @Override
        public Runnable transpose(TransposeCall c) {
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            return () -> HarkTransposeS8.run(input, output, c.rows(), c.cols());
        }

        @Override
        public Runnable lastStep(LastStepCall c) {
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            return () -> System.arraycopy(input, c.offset(), output, 0, c.size());
        }

        @Override
        public Runnable windowPush(WindowPushCall c) {
            byte[] window = v(c.window());
            byte[] input = v(c.input());
            return () -> HarkWindowPushS8.run(window, c.slotSize(), c.slots(), input);
        }
    }

    /** The calls with a fast kernel bound to it and its scratch; the kernel is the one the call compiled to. */
    private final class FastCalls extends ReferenceCalls {
        private final Object kernel;

        FastCalls(Object kernel) {
            this.kernel = kernel;
        }

        @Override
        public Runnable convolve(ConvolveCall c) {
            FastConvolution fast = (FastConvolution) kernel;
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            int[] scratch = new int[fast.scratchInts()];
            return () -> fast.run(input, output, scratch);
        }

        @Override
        public Runnable fullyConnected(FullyConnectedCall c) {
            FastFullyConnected fast = (FastFullyConnected) kernel;
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            int[] scratch = new int[fast.scratchInts()];
            if (c.runtimeWeights() == null) {
                return () -> fast.run(c.batches(), input, output, scratch);
            }
            byte[] weights = v(c.runtimeWeights());
            return () -> fast.run(c.batches(), input, weights, output, scratch);
        }

        @Override
        public Runnable gru(GruCall c) {
            FastGru fast = (FastGru) kernel;
            byte[] state = c.state() == null ? null : v(c.state());
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            FastGru.Scratch scratch = fast.newScratch(c.steps());
            return () -> fast.run(input, state, output, scratch);
        }

        @Override
        public Runnable softmax(SoftmaxCall c) {
            FastSoftmax fast = (FastSoftmax) kernel;
            byte[] input = v(c.input());
            byte[] output = v(c.output());
            return () -> fast.run(input, output);
        }
    }
}
