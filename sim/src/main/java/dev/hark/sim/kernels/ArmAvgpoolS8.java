package dev.hark.sim.kernels;

/**
 * {@code arm_avgpool_s8}: int8 average pooling, per channel.
 *
 * <pre>
 *   s = sum of the in-range inputs of the window, n = their count (padding is not counted)
 *   out = clamp(s &gt; 0 ? (s + n/2) / n : (s - n/2) / n, act.min, act.max)     (C division, truncating)
 * </pre>
 * i.e. the mean rounded half away from zero. Input and output share scale and zero point.
 */
public final class ArmAvgpoolS8 {

    private static final String KERNEL = "arm_avgpool_s8";

    /** Sum, then divide by the count rounding half away from zero (C's truncating division on the offset sum). */
    private static final PoolingWindow.Reduction MEAN = new PoolingWindow.Reduction(0, Integer::sum,
            (sum, count) -> sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count);

    private ArmAvgpoolS8() {
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
     *                                  input position (where C returns {@code ARM_CMSIS_NN_ARG_ERROR})
     */
    public static void run(CmsisNnPoolParams p, CmsisNnDims inputDims, byte[] input, CmsisNnDims filterDims,
            CmsisNnDims outputDims, byte[] output) {
        PoolingWindow.run(KERNEL, MEAN, p, inputDims, input, filterDims, outputDims, output);
    }
}
