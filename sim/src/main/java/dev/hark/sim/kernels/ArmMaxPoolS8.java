package dev.hark.sim.kernels;

/**
 * {@code arm_max_pool_s8}: int8 max pooling, per channel:
 * {@code out = clamp(max of the in-range inputs of the window, act.min, act.max)}. Padded positions are not
 * visited. Input and output share scale and zero point.
 */
public final class ArmMaxPoolS8 {

    private static final String KERNEL = "arm_max_pool_s8";

    /** The largest in-range value (the count is not needed). */
    private static final PoolingWindow.Reduction MAX = new PoolingWindow.Reduction(Integer.MIN_VALUE, Math::max,
            (max, count) -> max);

    private ArmMaxPoolS8() {
    }

    /**
     * Runs the pooling.
     *
     * @param p stride, top/left padding, activation clamp
     * @param inputDims {@code {N, H, W, C}}
     * @param input int8 NHWC {@code [N][H][W][C]}
     * @param filterDims window {@code {1, KH, KW, 1}} (only h and w are read)
     * @param outputDims {@code {N, OH, OW, C}}
     * @param output int8 NHWC {@code [N][OH][OW][C]}, written
     * @throws IllegalArgumentException if the shapes are inconsistent with the arrays, or a window covers no
     *                                  input position
     */
    public static void run(CmsisNnPoolParams p, CmsisNnDims inputDims, byte[] input, CmsisNnDims filterDims,
            CmsisNnDims outputDims, byte[] output) {
        PoolingWindow.run(KERNEL, MAX, p, inputDims, input, filterDims, outputDims, output);
    }
}
