package dev.hark.sim.net;

import dev.hark.sim.fast.FastConvolution;
import dev.hark.sim.fast.FastFullyConnected;
import dev.hark.sim.fast.FastGru;
import dev.hark.sim.fast.FastSoftmax;
import dev.hark.sim.program.ConvolveCall;
import dev.hark.sim.program.FullyConnectedCall;
import dev.hark.sim.program.GruCall;
import dev.hark.sim.program.KernelCall;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.LastStepCall;
import dev.hark.sim.program.LutCall;
import dev.hark.sim.program.SoftmaxCall;
import dev.hark.sim.program.TransposeCall;
import dev.hark.sim.program.WindowPushCall;
import java.util.List;

/**
 * The fast kernels of a program's heavy calls ({@link dev.hark.sim.fast}), their weights laid out once, and of its
 * softmaxes, their exponentials tabulated once; the other calls cost little and run their reference kernels. Nothing here changes after construction, so the executors of
 * any number of runs and threads share one.
 */
final class CompiledKernels {
    private final KernelProgram program;
    /** Per call: its fast kernel, or {@code null} for a call that runs its reference kernel. */
    private final Object[] byCall;

    CompiledKernels(KernelProgram program) {
        this.program = program;
        List<KernelCall> calls = program.calls();
        this.byCall = new Object[calls.size()];
        Compiler compiler = new Compiler();
        for (int i = 0; i < byCall.length; i++) {
            byCall[i] = calls.get(i).accept(compiler);
        }
    }

    KernelProgram program() {
        return program;
    }

    /** The fast kernel of call {@code index}, or {@code null}. */
    Object kernel(int index) {
        return byCall[index];
    }

    private final class Compiler implements KernelCall.Visitor<Object> {
        @Override
        public Object convolve(ConvolveCall c) {
            // Grouped convolutions (none lowered today) keep the reference loop.
            if (c.inputDims().c() != c.filterDims().c()) {
                return null;
            }
            return new FastConvolution(program.rounding(), c.conv(), c.quant(), c.inputDims(), c.filterDims(),
                    c.weights(), c.bias(), c.outputDims());
        }

        @Override
        public Object fullyConnected(FullyConnectedCall c) {
            return new FastFullyConnected(program.rounding(), c.fc());
        }

        @Override
        public Object gru(GruCall c) {
            return new FastGru(program.rounding(), c.params());
        }

        @Override
        public Object lut(LutCall c) {
            return null;
        }

        @Override
        public Object softmax(SoftmaxCall c) {
            return new FastSoftmax(c.rows(), c.rowSize(), c.mult(), c.shift(), c.diffMin());
        }

        @Override
        public Object transpose(TransposeCall c) {
            return null;
        }

        @Override
        public Object lastStep(LastStepCall c) {
            return null;
        }

        @Override
        public Object windowPush(WindowPushCall c) {
            return null;
        }
    }
}
