package dev.hark.sim.kernels;

/**
 * Mirror of {@code cmsis_nn_dims}: the shape of an NHWC tensor (batches, height, width, channels).
 *
 * <p>Kernels give the four fields the meaning of the matching C argument; for example the
 * fully-connected filter uses {@code n} as the accumulation depth. No range is enforced here; each kernel
 * checks the dimensions it reads.
 *
 * @param n batches (or the kernel-specific meaning documented on the kernel)
 * @param h height
 * @param w width
 * @param c channels
 */
public record CmsisNnDims(int n, int h, int w, int c) {

    /**
     * Number of elements of a dense NHWC tensor with this shape.
     *
     * @return {@code n * h * w * c}
     * @throws ArithmeticException if the product overflows an {@code int}
     */
    public int elementCount() {
        return Math.multiplyExact(Math.multiplyExact(n, h), Math.multiplyExact(w, c));
    }

    @Override
    public String toString() {
        return "{n=" + n + ", h=" + h + ", w=" + w + ", c=" + c + "}";
    }
}
