package dev.hark.sim.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.sim.kernels.ArmConvolveWrapperS8;
import dev.hark.sim.kernels.CmsisNnActivation;
import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnPerChannelQuantParams;
import dev.hark.sim.kernels.CmsisNnTile;
import dev.hark.sim.kernels.HarkConvolve1chS8;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link FastConvolution} against the real library's {@code convolve_wrapper_s8.json} (its ungrouped cases: the fast
 * kernel takes one group), and against the reference kernels on random shapes and operands: padding, dilation and
 * strides for {@code arm_convolve_wrapper_s8}, and the one-channel shapes of {@code hark_convolve_1ch_s8}.
 */
@Fast
class FastConvolutionTest extends GoldenFileTest {
    FastConvolutionTest() {
        super("convolve_wrapper_s8.json", (rounding, c) -> {
            CmsisNnDims inputDims = c.dims("input_dims");
            CmsisNnDims filterDims = c.dims("filter_dims");
            Assumptions.assumeTrue(inputDims.c() == filterDims.c(), "a grouped convolution");
            CmsisNnDims outputDims = c.dims("output_dims");
            CmsisNnConvParams conv = new CmsisNnConvParams(c.intParam("input_offset"), c.intParam("output_offset"),
                    c.tile("stride"), c.tile("padding"), c.tile("dilation"),
                    c.activation("activation_min", "activation_max"));
            FastConvolution fast = new FastConvolution(rounding, conv, c.perChannelQuant(), inputDims, filterDims,
                    c.int8Array("filter"), c.int32Array("bias"), outputDims);
            byte[] output = new byte[outputDims.elementCount()];
            fast.run(c.int8Array("input"), output, new int[fast.scratchInts()]);
            c.assertOutput(output);
        });
    }

    @Test
    void randomShapesWithPaddingAndDilationGiveTheWrappersBytes() {
        Random random = new Random(23);
        for (int i = 0; i < 300; i++) {
            Rounding rounding = Rounding.values()[i % 2];
            int inC = 1 + random.nextInt(4);
            CmsisNnDims inputDims = new CmsisNnDims(1 + random.nextInt(2), 1 + random.nextInt(12),
                    1 + random.nextInt(12), inC);
            CmsisNnDims filterDims = new CmsisNnDims(1 + random.nextInt(6), 1 + random.nextInt(5),
                    1 + random.nextInt(5), inC);
            CmsisNnTile stride = new CmsisNnTile(1 + random.nextInt(3), 1 + random.nextInt(3));
            CmsisNnTile padding = new CmsisNnTile(random.nextInt(3), random.nextInt(3));
            CmsisNnTile dilation = new CmsisNnTile(1 + random.nextInt(2), 1 + random.nextInt(2));
            // Every output position whose first tap lies inside the padded input.
            int outH = (inputDims.h() + 2 * padding.h() - 1) / stride.h() + 1;
            int outW = (inputDims.w() + 2 * padding.w() - 1) / stride.w() + 1;
            CmsisNnDims outputDims = new CmsisNnDims(inputDims.n(), outH, outW, filterDims.n());
            checkAgainstReference(random, rounding, i, inputDims, filterDims, outputDims,
                    new CmsisNnConvParams(Operands.inputOffset(random), Operands.outputOffset(random), stride,
                            padding, dilation, activation(random)), false);
        }
    }

    @Test
    void randomOneChannelShapesGiveTheOneChannelKernelsBytes() {
        Random random = new Random(29);
        for (int i = 0; i < 300; i++) {
            Rounding rounding = Rounding.values()[i % 2];
            CmsisNnDims filterDims = new CmsisNnDims(1 + random.nextInt(9), 1 + random.nextInt(21),
                    1 + random.nextInt(6), 1);
            CmsisNnTile stride = new CmsisNnTile(1 + random.nextInt(3), 1 + random.nextInt(7));
            int outH = 1 + random.nextInt(6);
            int outW = 1 + random.nextInt(6);
            CmsisNnDims inputDims = new CmsisNnDims(1 + random.nextInt(2),
                    (outH - 1) * stride.h() + filterDims.h() + random.nextInt(stride.h()),
                    (outW - 1) * stride.w() + filterDims.w() + random.nextInt(stride.w()), 1);
            CmsisNnDims outputDims = new CmsisNnDims(inputDims.n(), outH, outW, filterDims.n());
            checkAgainstReference(random, rounding, i, inputDims, filterDims, outputDims,
                    new CmsisNnConvParams(Operands.inputOffset(random), Operands.outputOffset(random), stride,
                            new CmsisNnTile(0, 0), new CmsisNnTile(1, 1), activation(random)), true);
        }
    }

    private static void checkAgainstReference(Random random, Rounding rounding, int i, CmsisNnDims inputDims,
                                              CmsisNnDims filterDims, CmsisNnDims outputDims, CmsisNnConvParams conv,
                                              boolean oneChannelKernel) {
        int channels = filterDims.n();
        CmsisNnPerChannelQuantParams quant = new CmsisNnPerChannelQuantParams(multipliers(random, channels),
                shifts(random, channels));
        byte[] input = Operands.bytes(random, inputDims.elementCount());
        byte[] filter = Operands.bytes(random, filterDims.elementCount());
        int[] bias = random.nextInt(4) == 0 ? null : Operands.ints(random, channels, 1 << 20);
        byte[] expected = new byte[outputDims.elementCount()];
        if (oneChannelKernel) {
            HarkConvolve1chS8.run(rounding, conv, quant, inputDims, input, filterDims, filter, bias, outputDims,
                    expected);
        } else {
            ArmConvolveWrapperS8.run(rounding, conv, quant, inputDims, input, filterDims, filter,
                    new CmsisNnDims(1, 1, 1, channels), bias, outputDims, expected);
        }
        FastConvolution fast = new FastConvolution(rounding, conv, quant, inputDims, filterDims, filter, bias,
                outputDims);
        byte[] actual = new byte[expected.length];
        fast.run(input, actual, new int[fast.scratchInts()]);
        assertArrayEquals(expected, actual, "case " + i + ": input " + inputDims + ", filter " + filterDims + ", "
                + conv);
    }

    private static CmsisNnActivation activation(Random random) {
        int[] clamp = Operands.clamp(random);
        return new CmsisNnActivation(clamp[0], clamp[1]);
    }

    private static int[] multipliers(Random random, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = Operands.multiplier(random);
        }
        return values;
    }

    private static int[] shifts(Random random, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = Operands.shift(random);
        }
        return values;
    }
}
