package dev.hark.sim.program;

import java.util.List;

/**
 * The last step of a sequence {@code [steps][size]}, no kernel: {@code output} is a {@link TensorKind#VIEW} of
 * {@code input} (the next call reads the bytes in place), or, when the step ends the network, the caller's output,
 * into which the bytes are copied.
 */
public record LastStepCall(String layer, int steps, int size, TensorId input, TensorId output)
        implements KernelCall {
    /** First byte of the last step within the sequence. */
    public int offset() {
        return (steps - 1) * size;
    }

    @Override
    public List<TensorId> reads() {
        return List.of(input);
    }

    @Override
    public List<TensorId> writes() {
        return List.of(output);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.lastStep(this);
    }
}
