package dev.hark.trainer.floatref;

/**
 * Receives every intermediate tensor of a {@link FloatCrnn} forward pass, in execution order. The array is a
 * fresh copy the observer may keep. See {@link FloatCrnn} for the names, shapes and how often each is reported.
 */
@FunctionalInterface
public interface TensorObserver {
    /** An observer that ignores everything. */
    TensorObserver NONE = (name, values) -> { };

    void observe(String tensorName, float[] values);
}
