package dev.hark.sim.fast;

import dev.hark.sim.kernels.ArmNnRequantize;
import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnPerChannelQuantParams;
import dev.hark.sim.kernels.Rounding;
import java.util.Arrays;
import java.util.Objects;

/**
 * An int8 convolution with per-channel requantization and one group (every output channel reads every input
 * channel), the integers of {@code arm_convolve_wrapper_s8} and, for the shapes it takes, of
 * {@code hark_convolve_1ch_s8}:
 * {@code out[b][oy][ox][oc] = clamp(requantize(bias[oc] + sum over in-range taps and ci of (in + inputOffset) * w)
 * + outputOffset)}.
 *
 * <p>How: the input is widened once per run with its offset added; for each output position its receptive field is
 * gathered into one row {@code [KH][KW][C_IN]} (0 for padded positions, which the reference skips, so they add 0), and
 * each output channel is one dot product of that row with its filter, which is laid out the same way.
 */
public final class FastConvolution {
    private final Rounding rounding;
    private final CmsisNnConvParams conv;
    private final int[] multipliers;
    private final int[] shifts;
    private final CmsisNnDims input;
    private final CmsisNnDims filter;
    private final CmsisNnDims output;
    /** {@code [C_OUT][KH][KW][C_IN]}, the filter's own order. */
    private final int[] weights;
    private final int[] bias;
    private final int fieldSize;

    /**
     * @param bias the bias, or {@code null} for none
     * @throws IllegalArgumentException if the shapes do not fit one another (or are grouped), or the weights,
     *                                  bias or quantization do not fit the shapes
     */
    public FastConvolution(Rounding rounding, CmsisNnConvParams conv, CmsisNnPerChannelQuantParams quant,
                           CmsisNnDims inputDims, CmsisNnDims filterDims, byte[] filter, int[] bias,
                           CmsisNnDims outputDims) {
        this.rounding = Objects.requireNonNull(rounding, "rounding");
        this.conv = conv;
        this.input = inputDims;
        this.filter = filterDims;
        this.output = outputDims;
        int channels = outputDims.c();
        check(inputDims.n() == outputDims.n() && inputDims.c() == filterDims.c() && filterDims.n() == channels
                        && conv.stride().h() > 0 && conv.stride().w() > 0 && conv.dilation().h() > 0
                        && conv.dilation().w() > 0,
                "input " + inputDims + ", filter " + filterDims + " and output " + outputDims
                        + " are not one ungrouped convolution");
        check(filter.length == filterDims.elementCount(), "the filter has " + filter.length + " values, not "
                + filterDims.elementCount());
        check(bias == null || bias.length == channels, "the bias has " + (bias == null ? 0 : bias.length) + " values, not " + channels);
        check(quant.multiplier().length == channels && quant.shift().length == channels,
                "the quantization has " + quant.multiplier().length + " multipliers, not " + channels);
        this.multipliers = quant.multiplier().clone();
        this.shifts = quant.shift().clone();
        this.weights = Widened.widen(filter);
        this.bias = bias == null ? new int[channels] : bias.clone();
        this.fieldSize = filterDims.h() * filterDims.w() * filterDims.c();
    }

    /** The {@code int} scratch a run needs: the widened input and one receptive field. */
    public int scratchInts() {
        return input.elementCount() + fieldSize;
    }

    public void run(byte[] in, byte[] out, int[] scratch) {
        if (in.length != input.elementCount() || out.length != output.elementCount()) {
            throw new IllegalArgumentException("convolution: arrays of " + in.length + " and " + out.length
                    + " values for input " + input + " and output " + output);
        }
        int inputSize = in.length;
        Widened.widen(in, 0, scratch, 0, inputSize, conv.inputOffset());
        int field = inputSize;
        int inH = input.h();
        int inW = input.w();
        int inC = input.c();
        int kh = filter.h();
        int kw = filter.w();
        int strideH = conv.stride().h();
        int strideW = conv.stride().w();
        int padH = conv.padding().h();
        int padW = conv.padding().w();
        int dilationH = conv.dilation().h();
        int dilationW = conv.dilation().w();
        int channels = output.c();
        int outputOffset = conv.outputOffset();
        int min = conv.activation().min();
        int max = conv.activation().max();
        int rowLength = kw * inC;
        int o = 0;
        for (int b = 0; b < output.n(); b++) {
            for (int oy = 0; oy < output.h(); oy++) {
                int iyOrigin = oy * strideH - padH;
                for (int ox = 0; ox < output.w(); ox++) {
                    int ixOrigin = ox * strideW - padW;
                    boolean wholeRows = dilationW == 1 && ixOrigin >= 0 && ixOrigin + kw <= inW;
                    int f = field;
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = iyOrigin + ky * dilationH;
                        if (iy < 0 || iy >= inH) {
                            Arrays.fill(scratch, f, f + rowLength, 0);
                        } else if (wholeRows) {
                            System.arraycopy(scratch, ((b * inH + iy) * inW + ixOrigin) * inC, scratch, f,
                                    rowLength);
                        } else {
                            for (int kx = 0; kx < kw; kx++) {
                                int ix = ixOrigin + kx * dilationW;
                                int at = f + kx * inC;
                                if (ix < 0 || ix >= inW) {
                                    Arrays.fill(scratch, at, at + inC, 0);
                                } else {
                                    System.arraycopy(scratch, ((b * inH + iy) * inW + ix) * inC, scratch, at, inC);
                                }
                            }
                        }
                        f += rowLength;
                    }
                    for (int oc = 0; oc < channels; oc++) {
                        int acc = bias[oc] + Widened.dot(scratch, field, weights, oc * fieldSize, fieldSize);
                        int value = ArmNnRequantize.requantize(acc, multipliers[oc], shifts[oc], rounding)
                                + outputOffset;
                        out[o++] = (byte) Widened.clamp(value, min, max);
                    }
                }
            }
        }
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("convolution: " + problem);
        }
    }
}
