package dev.hark.sim.kernels;

/**
 * The one reference loop behind the two convolution kernels. A depthwise convolution is a grouped convolution with
 * one input channel per group and {@code chMult} output channels per group; the two kernels differ only in how
 * their filter is laid out, which {@link Layout} describes. The kernels check their arguments before they call it.
 */
final class ConvolutionLoop {

    /**
     * How output channels read the input channels and the filter: output channel {@code oc} sums over the
     * {@code inChPerGroup} input channels starting at {@code (oc / outChPerGroup) * inChPerGroup}, and its weight for
     * tap {@code (ky, kx)} and input channel {@code i} of its group is at
     * {@code oc * filterOutChStride + (ky * KW + kx) * filterTapStride + i}.
     */
    record Layout(int inChPerGroup, int outChPerGroup, int filterOutChStride, int filterTapStride) {
    }

    private ConvolutionLoop() {
    }

    /**
     * {@code out[b][oy][ox][oc] = clamp(requantize(bias[oc] + sum over in-range taps and the group's input channels
     * of (in + inputOffset) * w, multiplier[oc], shift[oc]) + outputOffset, act)}; padded positions are skipped
     * and the accumulator is int32, wrapping as in C.
     */
    static void run(Rounding r, CmsisNnConvParams p, Layout layout, CmsisNnPerChannelQuantParams q,
            CmsisNnDims inputDims, byte[] input, CmsisNnDims filterDims, byte[] filter, int[] bias,
            CmsisNnDims outputDims, byte[] output) {
        int inH = inputDims.h();
        int inW = inputDims.w();
        int groupCh = layout.inChPerGroup();
        int outIndex = 0;
        for (int b = 0; b < outputDims.n(); b++) {
            for (int oy = 0; oy < outputDims.h(); oy++) {
                int iyOrigin = oy * p.stride().h() - p.padding().h();
                for (int ox = 0; ox < outputDims.w(); ox++) {
                    int ixOrigin = ox * p.stride().w() - p.padding().w();
                    for (int oc = 0; oc < outputDims.c(); oc++) {
                        int firstInCh = (oc / layout.outChPerGroup()) * groupCh;
                        int acc = bias == null ? 0 : bias[oc];
                        for (int ky = 0; ky < filterDims.h(); ky++) {
                            int iy = iyOrigin + ky * p.dilation().h();
                            if (iy < 0 || iy >= inH) {
                                continue;
                            }
                            for (int kx = 0; kx < filterDims.w(); kx++) {
                                int ix = ixOrigin + kx * p.dilation().w();
                                if (ix < 0 || ix >= inW) {
                                    continue;
                                }
                                int inBase = ((b * inH + iy) * inW + ix) * inputDims.c() + firstInCh;
                                int filterBase = oc * layout.filterOutChStride()
                                        + (ky * filterDims.w() + kx) * layout.filterTapStride();
                                for (int i = 0; i < groupCh; i++) {
                                    acc += (input[inBase + i] + p.inputOffset()) * filter[filterBase + i];
                                }
                            }
                        }
                        int value = ArmNnRequantize.requantize(acc, q.multiplier()[oc], q.shift()[oc], r)
                                + p.outputOffset();
                        output[outIndex++] = (byte) KernelChecks.clamp(value, p.activation());
                    }
                }
            }
        }
    }
}
