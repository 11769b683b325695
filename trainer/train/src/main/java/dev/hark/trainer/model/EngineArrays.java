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

    /** A new array of {@code values} in storage the engine allocated, attached to {@code manager}. */
    public static NDArray owned(NDManager manager, float[] values, Shape shape) {
        try (NDArray staged = manager.create(values, shape)) {
            return staged.duplicate();
        }
    }
}
