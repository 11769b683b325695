package dev.hark.sim.kernels;

/**
 * {@code hark_convolve_1ch_s8}, a hark kernel (kept beside the CMSIS-NN kernels whose checks it shares): the
 * convolution of a one-channel input without padding or dilation, with the same integers as
 * {@code arm_convolve_wrapper_s8} for those shapes (the C kernel only orders the work differently: no im2col
 * copies and no scratch, the taps two at a time on cores with the DSP extension; it reads the filter widened by
 * {@link #widenFilter}):
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
     * {@code hark_convolve_1ch_s8_get_buffer_size}: none. The kernel reads its input in place, widening four values
     * at a time in registers, and its filter comes widened ({@link #widenFilter}) from flash.
     */
    public static int bufferSize(CmsisNnDims inputDims, CmsisNnDims filterDims) {
        return 0;
    }

    /** int16 values of one channel's widened kernel row: {@code KW} rounded up to even. */
    public static int widenedRowLength(int kernelWidth) {
        return (kernelWidth + 1) & ~1;
    }

    /** int16 values of the widened filter: {@code C_OUT} rounded up to even x {@code KH} x the row length. */
    public static int widenedFilterSize(CmsisNnDims filterDims) {
        return (filterDims.n() + 1) / 2 * 2 * filterDims.h() * widenedRowLength(filterDims.w());
    }

    /**
     * The filter as {@code hark_convolve_1ch_s8} reads it ({@code hark_convolve_1ch_s8_widen_filter}, the layout of
     * {@code Internal/hark_convolve_1ch_s8_layout.h}): int16 {@code [ceil(C_OUT / 2)][KH][2 x row length]}, the
     * output channels in pairs (an odd last one with zeros), each kernel row of a pair its taps in groups of four,
     * {@code c0 (w0, w2), c1 (w0, w2), c0 (w1, w3), c1 (w1, w3)} (the partners of the input pairs SXTB16 makes of
     * four neighbouring int8 inputs, one LDRD for both channels), then c0's last {@code KW % 4} taps in order and
     * padded to an even count, then c1's.
     *
     * @throws IllegalArgumentException if the filter's length does not match its dimensions
     */
    public static short[] widenFilter(CmsisNnDims filterDims, byte[] filter) {
        int kernelWidth = filterDims.w();
        int kernelHeight = filterDims.h();
        if (!(filterDims.c() == 1 && filter.length == filterDims.n() * kernelHeight * kernelWidth)) {
            throw KernelChecks.failure(KERNEL, "filter of " + filter.length + " values for dimensions " + filterDims);
        }
        int pairRow = 2 * widenedRowLength(kernelWidth);
        int grouped = kernelWidth & ~3;
        int tailLength = widenedRowLength(kernelWidth - grouped);
        short[] widened = new short[widenedFilterSize(filterDims)];
        for (int c = 0; c < filterDims.n(); c++) {
            int second = c % 2;
            for (int ky = 0; ky < kernelHeight; ky++) {
                int row = (c / 2 * kernelHeight + ky) * pairRow;
                for (int kx = 0; kx < kernelWidth; kx++) {
                    int position;
                    if (kx >= grouped) {
                        position = 2 * grouped + second * tailLength + kx - grouped;
                    } else {
                        // Taps 0 and 2 of a group are its first pair, 1 and 3 its second; 2 and 3 the high halves.
                        int within = kx & 3;
                        position = (kx & ~3) * 2 + (within & 1) * 4 + second * 2 + (within >> 1);
                    }
                    widened[row + position] = filter[(c * kernelHeight + ky) * kernelWidth + kx];
                }
            }
        }
        return widened;
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
