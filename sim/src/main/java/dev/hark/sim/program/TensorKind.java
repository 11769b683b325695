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
    /** No memory of its own: a part of another tensor ({@link Tensor#base()} from {@link Tensor#offset()}). */
    VIEW
}
