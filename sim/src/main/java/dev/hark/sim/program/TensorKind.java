package dev.hark.sim.program;

/** Where a tensor's bytes live when the program runs on a device. */
public enum TensorKind {
    /** The caller's int8 features: {@code features} in {@code hark_network_run}. */
    FEATURES,
    /** The caller's output buffer, written by the last call: {@code output}. */
    OUTPUT,
    /** An activation in the planned arena. */
    ACTIVATION,
    /** A kernel's scratch memory in the planned arena, live only during its call. */
    SCRATCH,
    /**
     * Memory a streaming program keeps from one step to the next (a GRU's hidden state, the attention's window):
     * in the arena for the whole program, so nothing else may use its bytes, and set to its
     * {@link Tensor#resetValue()} when the stream starts.
     */
    STATE,
    /** No memory of its own: a part of another tensor ({@link Tensor#base()} from {@link Tensor#offset()}). */
    VIEW
}
