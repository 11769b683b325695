package dev.hark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Java values into engine arrays without giving up reproducibility.
 *
 * <p>DJL's {@code NDArray.set(float[])} and {@code NDManager.create(float[])} make the tensor point at a Java
 * direct buffer, whose address is only 16-byte aligned and differs from process to process. PyTorch's CPU
 * kernels (MKL's GEMM above all) take different summation paths at different alignments, so a parameter loaded
 * that way made the same training run end in different last bits in different processes, about one run in
 * sixty. Arrays PyTorch allocates itself are 64-byte aligned; these methods keep every long-lived array in such
 * memory.
 *
 * <p>The same borrowed storage makes DJL's arithmetic with a Java number ({@code x.mul(0.3f)}, {@code x.div(t)})
 * unsafe wherever a gradient is recorded: DJL wraps the number in a 0-dimensional tensor over a fresh direct buffer
 * and closes it as soon as the op returns, but autograd keeps that tensor to multiply or divide the gradient by
 * in the backward pass. PyTorch does not own the buffer, so a garbage collection between the forward and the
 * backward pass lets the JVM free it and the backward pass reads whatever the memory holds by then: a slightly or
 * wildly wrong gradient for that batch, or NaN. A distillation run hit this about one run in fifteen and then ended
 * with other parameters than the same run in another process. {@link #scalar} gives such operands storage the
 * engine owns, which autograd keeps alive for as long as it needs it.
 */
public final class EngineArrays {
    private EngineArrays() {
    }

    /** Copies {@code values} into {@code target}'s own storage, which stays where it is. */
    public static void overwrite(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("overwrite: " + values.length + " values for "
                    + target.getShape() + " (" + target.size() + ")");
        }
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.set(new NDIndex(":"), source);
        }
    }

    /**
     * {@code value} as a 0-dimensional float32 array in storage the engine allocated, attached to {@code manager}:
     * the operand to use instead of a Java number in arithmetic whose gradient is recorded. The op computes the
     * same values as with the number.
     */
    public static NDArray scalar(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }

    /** A new array of {@code values} in storage the engine allocated, attached to {@code manager}. */
    public static NDArray owned(NDManager manager, float[] values, Shape shape) {
        try (NDArray staged = manager.create(values, shape)) {
            return staged.duplicate();
        }
    }
}
