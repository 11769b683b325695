package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code hark_convolve_1ch_s8}'s twin gives the bytes {@code arm_convolve_wrapper_s8}'s twin gives, on random
 * one-channel shapes with extremes (every input or weight at -128 or 127, the largest input offsets), both roundings.
 */
@Fast
class HarkConvolve1chS8Test {
    private static final CmsisNnTile NONE = new CmsisNnTile(0, 0);
    private static final CmsisNnTile ONE = new CmsisNnTile(1, 1);

    @Test
    void equalsTheCmsisNnConvolutionOnRandomCasesAndExtremes() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            int kh = 1 + random.nextInt(9);
            int kw = 1 + random.nextInt(7);
            int strideH = 1 + random.nextInt(4);
            int strideW = 1 + random.nextInt(3);
            int outH = 1 + random.nextInt(6);
            int outW = 1 + random.nextInt(7);
            int channels = 1 + random.nextInt(8);
            int batches = 1 + random.nextInt(2);
            int inH = (outH - 1) * strideH + kh + random.nextInt(3);
            int inW = (outW - 1) * strideW + kw + random.nextInt(3);
            int extreme = random.nextInt(4);
            int inputOffset = extreme == 0 ? 128 : extreme == 1 ? -127 : random.nextInt(256) - 127;
            int low = -random.nextInt(129);
            CmsisNnConvParams p = new CmsisNnConvParams(inputOffset, random.nextInt(256) - 128,
                    new CmsisNnTile(strideW, strideH), NONE, ONE,
                    new CmsisNnActivation(low, low + random.nextInt(128 - low)));
            CmsisNnDims inputDims = new CmsisNnDims(batches, inH, inW, 1);
            CmsisNnDims filterDims = new CmsisNnDims(channels, kh, kw, 1);
            CmsisNnDims outputDims = new CmsisNnDims(batches, outH, outW, channels);
            byte[] input = bytes(random, batches * inH * inW);
            byte[] filter = bytes(random, channels * kh * kw);
            int[] multipliers = new int[channels];
            int[] shifts = new int[channels];
            int[] bias = new int[channels];
            for (int c = 0; c < channels; c++) {
                multipliers[c] = (1 << 30) + random.nextInt(1 << 30);
                shifts[c] = random.nextInt(19) - 16;
                bias[c] = random.nextInt(200_001) - 100_000;
            }
            CmsisNnPerChannelQuantParams q = new CmsisNnPerChannelQuantParams(multipliers, shifts);
            assertTrue(HarkConvolve1chS8.accepts(p, inputDims, filterDims, outputDims));
            for (Rounding rounding : Rounding.values()) {
                byte[] expected = new byte[batches * outH * outW * channels];
                byte[] actual = new byte[expected.length];
                ArmConvolveWrapperS8.run(rounding, p, q, inputDims, input, filterDims, filter,
                        new CmsisNnDims(1, 1, 1, channels), bias, outputDims, expected);
                HarkConvolve1chS8.run(rounding, p, q, inputDims, input, filterDims, filter, bias, outputDims, actual);
                assertArrayEquals(expected, actual, "case " + i + ", " + rounding);
            }
        }
    }

    @Test
    void widensEachKernelRowOfAChannelPairIntoInterleavedGroupsOfFour() {
        // Two channels of a row of 5 taps: c0 (w0, w2), c1 (w0, w2), c0 (w1, w3), c1 (w1, w3), c0 (w4, 0), c1 (w4, 0).
        assertArrayEquals(new short[] {1, 3, -1, -3, 2, 4, -2, -4, 5, 0, -5, 0},
                HarkConvolve1chS8.widenFilter(new CmsisNnDims(2, 1, 5, 1), new byte[] {1, 2, 3, 4, 5, -1, -2, -3,
                        -4, -5}));
        // An odd last channel is paired with zeros; 3 taps are all tail, in order, padded to 4.
        assertArrayEquals(new short[] {-128, 127, 7, 0, 0, 0, 0, 0},
                HarkConvolve1chS8.widenFilter(new CmsisNnDims(1, 1, 3, 1), new byte[] {-128, 127, 7}));
        assertEquals(HarkConvolve1chS8.widenedFilterSize(new CmsisNnDims(3, 4, 7, 1)),
                HarkConvolve1chS8.widenFilter(new CmsisNnDims(3, 4, 7, 1), new byte[3 * 4 * 7]).length);
    }

    @Test
    void theWidenedPairRowTimesTheInputPairsOfTheDspPathIsEachChannelsDotProduct() {
        Random random = new Random(5);
        for (int kw = 1; kw <= 12; kw++) {
            byte[] rows = bytes(random, 2 * kw);
            byte[] inputs = bytes(random, kw);
            short[] widened = HarkConvolve1chS8.widenFilter(new CmsisNnDims(2, 1, kw, 1), rows);
            int grouped = kw & ~3;
            int tail = HarkConvolve1chS8.widenedRowLength(kw - grouped);
            for (int channel = 0; channel < 2; channel++) {
                int expected = 0;
                for (int kx = 0; kx < kw; kx++) {
                    expected += inputs[kx] * rows[channel * kw + kx];
                }
                // As the DSP path pairs them: (x0, x2) with the channel's first pair of a group, (x1, x3) with
                // its second; then the tail in order.
                int actual = 0;
                for (int k = 0; k < grouped; k += 4) {
                    int group = 2 * k + 2 * channel;
                    actual += inputs[k] * widened[group] + inputs[k + 2] * widened[group + 1]
                            + inputs[k + 1] * widened[group + 4] + inputs[k + 3] * widened[group + 5];
                }
                for (int k = grouped; k < kw; k++) {
                    actual += inputs[k] * widened[2 * grouped + channel * tail + k - grouped];
                }
                assertEquals(expected, actual, "KW " + kw + ", channel " + channel);
            }
        }
    }

    @Test
    void refusesShapesItDoesNotTake() {
        CmsisNnConvParams padded = new CmsisNnConvParams(0, 0, ONE, ONE, ONE, new CmsisNnActivation(-128, 127));
        CmsisNnDims inputDims = new CmsisNnDims(1, 4, 4, 1);
        CmsisNnDims filterDims = new CmsisNnDims(2, 3, 3, 1);
        CmsisNnDims outputDims = new CmsisNnDims(1, 4, 4, 2);
        assertFalse(HarkConvolve1chS8.accepts(padded, inputDims, filterDims, outputDims));
        CmsisNnConvParams plain = new CmsisNnConvParams(0, 0, ONE, NONE, ONE, new CmsisNnActivation(-128, 127));
        assertFalse(HarkConvolve1chS8.accepts(plain, new CmsisNnDims(1, 4, 4, 2), new CmsisNnDims(2, 3, 3, 2),
                new CmsisNnDims(1, 2, 2, 2)), "two input channels");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HarkConvolve1chS8.run(Rounding.DOUBLE, padded,
                        new CmsisNnPerChannelQuantParams(new int[] {1 << 30, 1 << 30}, new int[2]), inputDims,
                        new byte[16], filterDims, new byte[18], null, outputDims, new byte[32]));
        assertTrue(e.getMessage().startsWith("hark_convolve_1ch_s8: "), e.getMessage());
    }

    /** Random bytes, or (one case in four each) all -128 or all 127. */
    private static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        int kind = random.nextInt(8);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (kind == 0 ? -128 : kind == 1 ? 127 : random.nextInt(256) - 128);
        }
        return b;
    }
}
