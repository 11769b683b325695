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
 * <p>How: the input is widened once per run with its offset added and laid out column by column,
 * {@code [N][W][H][C_IN]}, so that a receptive field's taps of one kernel column are {@code KH * C_IN} contiguous
 * values (with no dilation in height); the filter is laid out the same way once, {@code [C_OUT][KW][KH][C_IN]}. Each
 * output channel is then one dot product of the field with its filter. The field is read in place when it is one
 * contiguous run of the input (the window of a stream: as high as the kernel, no padding or dilation), and otherwise
 * gathered a column at a time, with 0 for padded positions (which the reference skips, so they add 0).
 */
public final class FastConvolution {
    private final Rounding rounding;
    private final CmsisNnConvParams conv;
    private final int[] multipliers;
    private final int[] shifts;
    private final CmsisNnDims input;
    private final CmsisNnDims filter;
    private final CmsisNnDims output;
    /** The filters {@code [C_OUT][KW][KH][C_IN]}, their columns one after another. */
    private final RowPairs weights;
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
        this.fieldSize = filterDims.h() * filterDims.w() * filterDims.c();
        this.weights = new RowPairs(columnsFirst(filter, filterDims), channels, fieldSize,
                RowPairs.maxAbsWidened(conv.inputOffset()));
        this.bias = bias == null ? new int[channels] : bias.clone();
    }

    /** The {@code int} scratch a run needs: the widened input, one receptive field and its sums. */
    public int scratchInts() {
        return input.elementCount() + fieldSize + output.c();
    }

    public void run(byte[] in, byte[] out, int[] scratch) {
        if (in.length != input.elementCount() || out.length != output.elementCount()) {
            throw new IllegalArgumentException("convolution: arrays of " + in.length + " and " + out.length
                    + " values for input " + input + " and output " + output);
        }
        int batches = input.n();
        int inH = input.h();
        int inW = input.w();
        int inC = input.c();
        widenColumnsFirst(in, scratch, batches, inH, inW, inC, conv.inputOffset());
        int field = in.length;
        int sums = field + fieldSize;
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
        int columnLength = kh * inC;
        int columnStride = inH * inC;
        // A column of the field is one run of the input when it does not skip rows; the whole field is one run
        // when, in addition, its columns follow one another in the input (the kernel is as high as the input).
        boolean contiguousColumns = dilationH == 1;
        boolean contiguousField = contiguousColumns && dilationW == 1 && kh == inH;
        int o = 0;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < output.h(); oy++) {
                int iyOrigin = oy * strideH - padH;
                boolean rowsInside = iyOrigin >= 0 && iyOrigin + (kh - 1) * dilationH < inH;
                for (int ox = 0; ox < output.w(); ox++) {
                    int ixOrigin = ox * strideW - padW;
                    boolean columnsInside = ixOrigin >= 0 && ixOrigin + (kw - 1) * dilationW < inW;
                    int from;
                    if (contiguousField && rowsInside && columnsInside) {
                        from = ((b * inW + ixOrigin) * inH + iyOrigin) * inC;
                    } else {
                        from = field;
                        int f = field;
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ixOrigin + kx * dilationW;
                            int column = (b * inW + ix) * columnStride;
                            if (ix < 0 || ix >= inW) {
                                Arrays.fill(scratch, f, f + columnLength, 0);
                            } else if (contiguousColumns && rowsInside) {
                                System.arraycopy(scratch, column + iyOrigin * inC, scratch, f, columnLength);
                            } else {
                                for (int ky = 0; ky < kh; ky++) {
                                    int iy = iyOrigin + ky * dilationH;
                                    int at = f + ky * inC;
                                    if (iy < 0 || iy >= inH) {
                                        Arrays.fill(scratch, at, at + inC, 0);
                                    } else {
                                        System.arraycopy(scratch, column + iy * inC, scratch, at, inC);
                                    }
                                }
                            }
                            f += columnLength;
                        }
                    }
                    weights.dots(scratch, from, scratch, sums);
                    for (int oc = 0; oc < channels; oc++) {
                        int acc = bias[oc] + scratch[sums + oc];
                        int value = ArmNnRequantize.requantize(acc, multipliers[oc], shifts[oc], rounding)
                                + outputOffset;
                        out[o++] = (byte) Widened.clamp(value, min, max);
                    }
                }
            }
        }
    }

    /** {@code to[b][x][y][c] = from[b][y][x][c] + offset}. */
    private static void widenColumnsFirst(byte[] from, int[] to, int batches, int h, int w, int c, int offset) {
        int image = h * w * c;
        for (int b = 0; b < batches; b++) {
            int base = b * image;
            if (c == 1) {
                // The one-channel input of the first layer: rows read in order, each value to its column.
                for (int y = 0; y < h; y++) {
                    int row = base + y * w;
                    int column = base + y;
                    for (int x = 0; x < w; x++) {
                        to[column + x * h] = from[row + x] + offset;
                    }
                }
            } else {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        Widened.widen(from, base + (y * w + x) * c, to, base + (x * h + y) * c, c, offset);
                    }
                }
            }
        }
    }

    /** The filter {@code [C_OUT][KH][KW][C_IN]} widened and laid out {@code [C_OUT][KW][KH][C_IN]}. */
    private static int[] columnsFirst(byte[] filter, CmsisNnDims dims) {
        int[] laidOut = new int[filter.length];
        widenColumnsFirst(filter, laidOut, dims.n(), dims.h(), dims.w(), dims.c(), 0);
        return laidOut;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("convolution: " + problem);
        }
    }
}
