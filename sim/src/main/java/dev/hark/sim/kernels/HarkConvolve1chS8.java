package dev.hark.sim.kernels;

/**
 * {@code hark_convolve_1ch_s8}, a hark kernel (kept beside the CMSIS-NN kernels whose checks it shares): the
 * convolution of a one-channel input without padding or dilation, with the same integers as
 * {@code arm_convolve_wrapper_s8} for those shapes (the C kernel only orders the work differently: no im2col
 * copies, the taps two at a time on cores with the DSP extension):
 * <pre>
 *   sum = bias[c] + sum over ky &lt; KH, kx &lt; KW of (in[n][oy * stride.h + ky][ox * stride.w + kx] + inputOffset)
 *                                                  * w[c][ky][kx]
 *   out[n][oy][ox][c] = clamp(requantize(sum, multiplier[c], shift[c]) + outputOffset, act.min, act.max)
 * </pre>
 * The sum is int32 and wraps as in C.
 */
public final class HarkConvolve1chS8 {
    private static final String KERNEL = "hark_convolve_1ch_s8";

    private HarkConvolve1chS8() {
    }

    /**
     * Whether the kernel takes a convolution of this shape: one input channel, no padding, no dilation, and every
     * receptive field inside the input.
     */
    public static boolean accepts(CmsisNnConvParams p, CmsisNnDims inputDims, CmsisNnDims filterDims,
                                  CmsisNnDims outputDims) {
        return inputDims.c() == 1 && filterDims.c() == 1 && filterDims.n() == outputDims.c()
                && p.padding().w() == 0 && p.padding().h() == 0 && p.dilation().w() == 1 && p.dilation().h() == 1
                && p.stride().w() >= 1 && p.stride().h() >= 1
                && (outputDims.h() - 1) * p.stride().h() + filterDims.h() <= inputDims.h()
                && (outputDims.w() - 1) * p.stride().w() + filterDims.w() <= inputDims.w()
                && filterDims.n() <= 1024 && filterDims.h() <= 256 && filterDims.w() <= 256
                && inputDims.w() <= 65536;
    }

    /**
     * {@code hark_convolve_1ch_s8_get_buffer_size}: the filter widened to int16 with each kernel row padded to an
     * even length, and a ring of {@code KH} input rows of int16 plus 2 values.
     */
    public static int bufferSize(CmsisNnDims inputDims, CmsisNnDims filterDims) {
        int paddedWidth = (filterDims.w() + 1) & ~1;
        int weights = filterDims.n() * filterDims.h() * paddedWidth;
        int rows = filterDims.h() * inputDims.w() + 2;
        return (weights + rows) * Short.BYTES;
    }

    /**
     * @throws IllegalArgumentException if the kernel does not take this shape ({@link #accepts}) or an array's
     *                                  length does not match the dimensions
     */
    public static void run(Rounding r, CmsisNnConvParams p, CmsisNnPerChannelQuantParams q, CmsisNnDims inputDims,
                           byte[] input, CmsisNnDims filterDims, byte[] filter, int[] bias, CmsisNnDims outputDims,
                           byte[] output) {
        KernelChecks.check(accepts(p, inputDims, filterDims, outputDims), KERNEL,
                "takes one input channel, no padding or dilation and receptive fields inside the input");
        KernelChecks.checkConvolution(KERNEL, p.stride(), p.dilation(), inputDims, input, filterDims, filter, bias, q,
                outputDims, output);
        int channels = filterDims.n();
        int kh = filterDims.h();
        int kw = filterDims.w();
        int inH = inputDims.h();
        int inW = inputDims.w();
        int outH = outputDims.h();
        int outW = outputDims.w();
        int offset = p.inputOffset();
        for (int n = 0; n < outputDims.n(); n++) {
            int image = n * inH * inW;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int corner = image + oy * p.stride().h() * inW + ox * p.stride().w();
                    int out = ((n * outH + oy) * outW + ox) * channels;
                    for (int c = 0; c < channels; c++) {
                        int sum = bias == null ? 0 : bias[c];
                        int w = c * kh * kw;
                        for (int ky = 0; ky < kh; ky++) {
                            int row = corner + ky * inW;
                            for (int kx = 0; kx < kw; kx++) {
                                sum += (input[row + kx] + offset) * filter[w++];
                            }
                        }
                        int value = ArmNnRequantize.requantize(sum, q.multiplier()[c], q.shift()[c], r)
                                + p.outputOffset();
                        output[out + c] = (byte) KernelChecks.clamp(value, p.activation());
                    }
                }
            }
        }
    }
}
