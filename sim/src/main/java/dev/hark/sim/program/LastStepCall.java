package dev.hark.sim.program;

/**
 * The last step of a sequence {@code [steps][size]}, no kernel: {@code output} is a {@link TensorKind#VIEW} of
 * {@code input} (the next call reads the bytes in place), or, when the step ends the network, the caller's output,
 * into which the bytes are copied.
 */
public record LastStepCall(String layer, int steps, int size, TensorId input, TensorId output)
        implements KernelCall.Unary {
    /** First byte of the last step within the sequence. */
    public int offset() {
        return (steps - 1) * size;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.lastStep(this);
    }
}
