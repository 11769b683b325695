package dev.hark.sim.net;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The integer network in Java, the oracle the firmware is compared with: scores whole clips by executing a
 * whole-clip {@link KernelProgram} with the Java twins of the kernels it calls, recording every trace point (the
 * bytes the firmware's trace callback receives). Every run starts afresh, and one simulator serves any number of
 * threads at once; the weights are laid out for the fast kernels once, when it is made.
 */
public final class NetworkSimulator {
    private final KernelProgram program;
    private final CompiledKernels kernels;
    /**
     * Executors not running now. Making one (its arrays, its calls bound to them) costs a tenth of a run, so runs
     * reuse them; a whole-clip program writes every tensor before it reads it, so nothing of a run reaches the next.
     */
    private final Queue<ProgramExecutor> idle = new ConcurrentLinkedQueue<>();

    /** Simulates the program {@link Lowering#lower(QuantizedModel)} makes of {@code model}. */
    public NetworkSimulator(QuantizedModel model) {
        this(Lowering.lower(model));
    }

    public NetworkSimulator(KernelProgram program) {
        this.program = program;
        this.kernels = new CompiledKernels(program);
    }

    public KernelProgram program() {
        return program;
    }

    /**
     * @param features int8 log-mel features {@code [frames][melBins]}
     * @return every traced tensor in trace order; {@link Trace#output()} is the class probabilities (scale 1/256,
     *         zero point -128)
     * @throws IllegalArgumentException if the program is one step of a stream (use {@link StreamingNetwork})
     */
    public Trace run(byte[] features) {
        checkWholeClip();
        ProgramExecutor executor = idle.poll();
        if (executor == null) {
            executor = ProgramExecutor.fast(kernels);
        }
        try {
            return executor.run(features);
        } finally {
            idle.offer(executor);
        }
    }

    /**
     * {@link #run} with the reference kernels, call by call as they define the integers, instead of the fast kernels
     * ({@link dev.hark.sim.fast}) of the heavy calls: the same trace, only slower; what the fast path is tested
     * against.
     */
    public Trace runWithReferenceKernels(byte[] features) {
        checkWholeClip();
        return ProgramExecutor.reference(program).run(features);
    }

    private void checkWholeClip() {
        if (program.isStreaming()) {
            throw new IllegalArgumentException("a streaming program runs step by step in a StreamingNetwork");
        }
    }
}
