package dev.hark.sim.program;

import dev.hark.sim.model.TensorQuant;

/**
 * One int8 tensor of a {@link KernelProgram}.
 *
 * @param id          its id
 * @param layer       the model layer that produces it ({@code features} for the input)
 * @param role        what it is within the layer ({@code output}, {@code scratch}, {@code energy}, ...); with the
 *                    layer it forms {@link #name()}, unique in the program
 * @param size        bytes
 * @param kind        where it lives
 * @param quant       its grid, or {@code null} for scratch memory
 * @param base        for a {@link TensorKind#VIEW}, the tensor it points into; otherwise {@code null}
 * @param offset      for a view, its first byte within {@code base}; otherwise 0
 * @param resetValue  for {@link TensorKind#STATE}, the value of every byte when a stream starts; otherwise 0
 * @param description what it holds, with its shape, for people reading a memory plan or a mismatch report
 */
public record Tensor(TensorId id, String layer, String role, int size, TensorKind kind, TensorQuant quant,
                     TensorId base, int offset, byte resetValue, String description) {
    public Tensor {
        if (size < 1) {
            throw new IllegalArgumentException("tensor " + layer + "." + role + " has " + size + " bytes");
        }
        if ((kind == TensorKind.VIEW) != (base != null)) {
            throw new IllegalArgumentException("tensor " + layer + "." + role
                    + ": a view, and only a view, has a base");
        }
        if (kind != TensorKind.STATE && resetValue != 0) {
            throw new IllegalArgumentException("tensor " + layer + "." + role + ": only state has a reset value");
        }
    }

    /**
     * {@code features} and {@code output} for the caller's buffers, {@code <layer>_<role>} otherwise (for a view,
     * the layer's name alone): the name a memory plan and the generated C use.
     */
    public String name() {
        return switch (kind) {
            case FEATURES -> "features";
            case OUTPUT -> "output";
            case VIEW -> layer;
            case ACTIVATION, SCRATCH, STATE -> layer + "_" + role;
        };
    }

    /** True for the tensors the memory planner places: activations, scratch and state. */
    public boolean inArena() {
        return kind == TensorKind.ACTIVATION || kind == TensorKind.SCRATCH || kind == TensorKind.STATE;
    }
}
