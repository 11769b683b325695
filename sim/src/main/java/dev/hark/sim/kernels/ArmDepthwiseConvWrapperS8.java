package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_depthwise_conv_wrapper_s8}: int8 depthwise 2-D convolution with per-channel requantization.
 *
 * <p>Each input channel {@code ci} feeds {@code chMult} output channels {@code co = ci * chMult + m}:
 * <pre>
 *   iy = oy * stride.h - padding.h + ky * dilation.h      (likewise ix)
 *   acc = bias[co] + sum over in-range (ky, kx) of (in[b][iy][ix][ci] + inputOffset) * w[0][ky][kx][co]
 *   out[b][oy][ox][co] = clamp(requantize(acc, multiplier[co], shift[co]) + outputOffset, act.min, act.max)
 * </pre>
 * The C wrapper's fast paths ({@code arm_depthwise_conv_3x3_s8}, {@code arm_depthwise_conv_s8_opt}) compute
 * the same integers as this reference loop. Padded positions are skipped; the accumulator is int32.
 */
public final class ArmDepthwiseConvWrapperS8 {

    private static final String KERNEL = "arm_depthwise_conv_wrapper_s8";

    private ArmDepthwiseConvWrapperS8() {
    }

    /**
     * Runs the layer.
     *
     * @param r which CMSIS-NN requantization build to reproduce
     * @param p {@code inputOffset = -input_zero_point} ([-127, 128]), {@code outputOffset = +output_zero_point}
     *          ([-128, 127]), channel multiplier, stride, top/left padding, dilation and activation clamp
     * @param q Q31 multiplier and shift ([-31, 30]) per output channel, length C_OUT
     * @param inputDims {@code {N, H, W, C_IN}}
     * @param input int8 NHWC {@code [N][H][W][C_IN]}
     * @param filterDims {@code {1, KH, KW, C_OUT}} with C_OUT = C_IN * chMult
     * @param filter int8 {@code [1][KH][KW][C_OUT]}
     * @param biasDims not read (as in C)
     * @param bias int32 {@code [C_OUT]}, or null for no bias
     * @param outputDims {@code {N, OH, OW, C_OUT}}
     * @param output int8 NHWC {@code [N][OH][OW][C_OUT]}, written
     * @throws IllegalArgumentException if dimensions are not positive or inconsistent, or an array length
     *                                  does not match them
     */
    public static void run(Rounding r, CmsisNnDwConvParams p, CmsisNnPerChannelQuantParams q,
            CmsisNnDims inputDims, byte[] input, CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims,
            int[] bias, CmsisNnDims outputDims, byte[] output) {
        Objects.requireNonNull(r, "rounding");
        Objects.requireNonNull(p, "depthwise conv params");
        Objects.requireNonNull(q, "quant params");
        KernelChecks.checkConvolution(KERNEL, p.stride(), p.dilation(), inputDims, input, filterDims, filter, bias, q,
                outputDims, output);
        if (p.chMult() <= 0) {
            throw KernelChecks.failure(KERNEL, "ch_mult " + p.chMult() + " must be positive");
        }
        int inCh = inputDims.c();
        int outCh = outputDims.c();
        int chMult = p.chMult();
        if ((long) inCh * chMult != outCh) {
            throw KernelChecks.failure(KERNEL, "output_dims.c " + outCh + " must equal input_dims.c " + inCh
                    + " * ch_mult " + chMult);
        }
        if (!(filterDims.c() == outCh && filterDims.n() == 1)) {
            throw KernelChecks.failure(KERNEL, "filter_dims " + filterDims + " must be {1, KH, KW, " + outCh + "}");
        }

        // A grouped convolution of one input channel per group, co = ci * chMult + m; the filter [1][KH][KW][C_OUT]
        // holds one weight per output channel at each tap.
        ConvolutionLoop.Layout layout = new ConvolutionLoop.Layout(1, chMult, 1, outCh);
        CmsisNnConvParams conv = new CmsisNnConvParams(p.inputOffset(), p.outputOffset(), p.stride(), p.padding(),
                p.dilation(), p.activation());
        ConvolutionLoop.run(r, conv, layout, q, inputDims, input, filterDims, filter, bias, outputDims, output);
    }
}
