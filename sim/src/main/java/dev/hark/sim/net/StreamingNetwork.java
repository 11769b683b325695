package dev.hark.sim.net;

import dev.hark.sim.glue.HarkWindowPushS8;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.StreamingStep;
import java.util.Arrays;
import java.util.Optional;

/**
 * The integer network listening: feature frames go in one at a time, and every {@link StreamingStep#hopFrames()}
 * frames (80 ms for the keyword spotter) one step of the streaming program runs and gives the class probabilities
 * of that moment. Only the new work is done per step: the GRUs and the attention keep their state.
 *
 * <p>The first step runs once the convolution's window is full ({@link StreamingStep#windowFrames()} frames), so
 * step {@code s} reads frames {@code [s * hop, s * hop + window)} exactly as row {@code s} of a whole clip's
 * convolution does. The frame window slides by one frame per frame with the same kernel the firmware uses.
 */
public final class StreamingNetwork {
    private final KernelProgram program;
    private final ProgramExecutor executor;
    private final byte[] frames;
    private final int frameSize;
    private long framesPushed;
    private long steps;

    /** The network of {@code model} as {@link Lowering#lowerStreaming(QuantizedModel, int)} lowers it. */
    public StreamingNetwork(QuantizedModel model, int attentionWindow) {
        this(Lowering.lowerStreaming(model, attentionWindow));
    }

    /**
     * @throws IllegalArgumentException if the program scores whole clips
     */
    public StreamingNetwork(KernelProgram program) {
        this(program, false);
    }

    /**
     * A stream of {@code program} run with the reference kernels, call by call as they define the integers, instead
     * of the fast kernels ({@link dev.hark.sim.fast}) of the heavy calls: the same traces, only slower; what the fast
     * path is tested against.
     */
    public static StreamingNetwork withReferenceKernels(KernelProgram program) {
        return new StreamingNetwork(program, true);
    }

    private StreamingNetwork(KernelProgram program, boolean referenceKernels) {
        if (!program.isStreaming()) {
            throw new IllegalArgumentException("model " + program.info().name()
                    + ": a whole-clip program does not stream; lower it with Lowering.lowerStreaming");
        }
        this.program = program;
        this.executor = referenceKernels ? ProgramExecutor.reference(program)
                : ProgramExecutor.fast(new CompiledKernels(program));
        this.frames = new byte[program.input().size()];
        this.frameSize = frames.length / program.streaming().windowFrames();
    }

    public KernelProgram program() {
        return program;
    }

    /** Bytes of one feature frame (the mel bins). */
    public int frameSize() {
        return frameSize;
    }

    /** Steps run since the start or the last {@link #reset()}. */
    public long steps() {
        return steps;
    }

    /** Starts over: the state tensors take their reset values and the frame window empties. */
    public void reset() {
        executor.resetState();
        Arrays.fill(frames, (byte) 0);
        framesPushed = 0;
        steps = 0;
    }

    /**
     * Adds one feature frame.
     *
     * @return the trace of the step this frame completes ({@link Trace#output()}: the class probabilities, scale
     *         1/256, zero point -128), or empty when it completes none
     * @throws IllegalArgumentException if the frame is not {@link #frameSize()} bytes
     */
    public Optional<Trace> pushFrame(byte[] frame) {
        if (frame.length != frameSize) {
            throw new IllegalArgumentException("a feature frame has " + frameSize + " values, got " + frame.length);
        }
        StreamingStep shape = program.streaming();
        HarkWindowPushS8.run(frames, frameSize, shape.windowFrames(), frame);
        framesPushed++;
        long sinceFull = framesPushed - shape.windowFrames();
        if (sinceFull < 0 || sinceFull % shape.hopFrames() != 0) {
            return Optional.empty();
        }
        steps++;
        return Optional.of(executor.run(frames));
    }
}
