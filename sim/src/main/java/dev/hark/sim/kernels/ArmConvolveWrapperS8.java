package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_convolve_wrapper_s8}: int8 2-D convolution with per-channel requantization.
 *
 * <p>The C wrapper picks a fast path ({@code arm_convolve_1x1_s8_fast}, {@code arm_convolve_1_x_n_s8},
 * ...) by shape; all of them compute the same integers on the portable C path, which this single reference
 * loop reproduces:
 * <pre>
 *   iy = oy * stride.h - padding.h + ky * dilation.h      (likewise ix)
 *   acc = bias[oc] + sum over in-range (ky, kx) and ci of (in[b][iy][ix][ci] + inputOffset) * w[oc][ky][kx][ci]
 *   out[b][oy][ox][oc] = clamp(requantize(acc, multiplier[oc], shift[oc]) + outputOffset, act.min, act.max)
 * </pre>
 * Out-of-range (padded) positions are skipped, which equals padding with the input zero point. The
 * accumulator is int32 and wraps as in C. Grouped convolution (input channels a multiple of
 * {@code filter_dims.c}) is supported as in {@code arm_convolve_s8}.
 */
public final class ArmConvolveWrapperS8 {

    private static final String KERNEL = "arm_convolve_wrapper_s8";

    private ArmConvolveWrapperS8() {
    }

    /**
     * Runs the layer.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param p {@code inputOffset = -input_zero_point} ([-127, 128]), {@code outputOffset = +output_zero_point}
     *          ([-128, 127]), stride, top/left padding, dilation and activation clamp
     * @param q Q31 multiplier and shift ([-31, 30]) per output channel, length C_OUT
     * @param inputDims {@code {N, H, W, C_IN}}
     * @param input int8 NHWC {@code [N][H][W][C_IN]}
     * @param filterDims {@code {C_OUT, KH, KW, C_IN / groups}}
     * @param filter int8 {@code [C_OUT][KH][KW][C_IN / groups]} (symmetric, zero point 0)
     * @param biasDims not read (as in C)
     * @param bias int32 {@code [C_OUT]}, or null for no bias
     * @param outputDims {@code {N, OH, OW, C_OUT}}
     * @param output int8 NHWC {@code [N][OH][OW][C_OUT]}, written
     * @throws IllegalArgumentException if dimensions are not positive or inconsistent, or an array length
     *                                  does not match them
     */
    public static void run(Rounding r, CmsisNnConvParams p, CmsisNnPerChannelQuantParams q, CmsisNnDims inputDims,
            byte[] input, CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims, int[] bias,
            CmsisNnDims outputDims, byte[] output) {
        Objects.requireNonNull(r, "rounding");
        Objects.requireNonNull(p, "conv params");
        Objects.requireNonNull(q, "quant params");
        KernelChecks.checkConvolution(KERNEL, p.stride(), p.dilation(), inputDims, input, filterDims, filter, bias, q,
                outputDims, output);
        int outCh = outputDims.c();
        int filterCh = filterDims.c();
        if (filterDims.n() != outCh) {
            throw KernelChecks.failure(KERNEL,
                    "filter_dims.n " + filterDims.n() + " must equal output_dims.c " + outCh);
        }
        if (inputDims.c() % filterCh != 0) {
            throw KernelChecks.failure(KERNEL,
                    "input_dims.c " + inputDims.c() + " is not a multiple of filter_dims.c " + filterCh);
        }
        int groups = inputDims.c() / filterCh;
        if (outCh % groups != 0) {
            throw KernelChecks.failure(KERNEL, "output_dims.c " + outCh + " is not a multiple of the group count "
                    + groups);
        }

        // The filter [C_OUT][KH][KW][C_IN / groups] holds each output channel's taps one after the other.
        int tapsPerOutCh = filterDims.h() * filterDims.w();
        ConvolutionLoop.Layout layout = new ConvolutionLoop.Layout(filterCh, outCh / groups, tapsPerOutCh * filterCh,
                filterCh);
        ConvolutionLoop.run(r, p, layout, q, inputDims, input, filterDims, filter, bias, outputDims, output);
    }
}
