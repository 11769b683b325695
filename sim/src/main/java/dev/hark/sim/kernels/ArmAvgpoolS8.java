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
        PoolingWindow.check(KERNEL, p, inputDims, input, filterDims, outputDims, output);
        int inH = inputDims.h();
        int inW = inputDims.w();
        int ch = inputDims.c();
        int outIndex = 0;
        for (int b = 0; b < outputDims.n(); b++) {
            for (int oy = 0; oy < outputDims.h(); oy++) {
                int iyOrigin = oy * p.stride().h() - p.padding().h();
                int kyStart = PoolingWindow.start(iyOrigin);
                int kyEnd = PoolingWindow.end(iyOrigin, filterDims.h(), inH);
                for (int ox = 0; ox < outputDims.w(); ox++) {
                    int ixOrigin = ox * p.stride().w() - p.padding().w();
                    int kxStart = PoolingWindow.start(ixOrigin);
                    int kxEnd = PoolingWindow.end(ixOrigin, filterDims.w(), inW);
                    int count = Math.max(0, kyEnd - kyStart) * Math.max(0, kxEnd - kxStart);
                    if (count == 0) {
                        throw new IllegalArgumentException(KERNEL + ": window at output (" + oy + ", " + ox
                                + ") covers no input position");
                    }
                    for (int c = 0; c < ch; c++) {
                        int sum = 0;
                        for (int ky = kyStart; ky < kyEnd; ky++) {
                            for (int kx = kxStart; kx < kxEnd; kx++) {
                                sum += input[((b * inH + iyOrigin + ky) * inW + ixOrigin + kx) * ch + c];
                            }
                        }
                        int mean = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                        output[outIndex++] = (byte) KernelChecks.clamp(mean, p.activation());
                    }
                }
            }
        }
    }
}
