package dev.hark.sim.program;

/**
 * Names one tensor of a {@link KernelProgram}: its position in {@link KernelProgram#tensors()}. Calls refer to
 * their operands by id, never by a string, so a typo cannot silently connect the wrong buffers.
 */
public record TensorId(int index) {
    public TensorId {
        if (index < 0) {
            throw new IllegalArgumentException("tensor ids are not negative: " + index);
        }
    }

    @Override
    public String toString() {
        return "t" + index;
    }
}
