package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one-line message of each argument check whose message is made of the arguments' values, word for word: the
 * kernels put it together only when the check fails, so a passing call never builds it.
 */
@Fast
class KernelCheckMessagesTest {
    private static final CmsisNnTile NONE = new CmsisNnTile(0, 0);
    private static final CmsisNnTile ONE = new CmsisNnTile(1, 1);
    private static final CmsisNnActivation INT8 = new CmsisNnActivation(-128, 127);
    private static final CmsisNnConvParams CONV = new CmsisNnConvParams(0, 0, ONE, NONE, ONE, INT8);

    @Test
    void convolutionChecks() {
        assertMessage("arm_convolve_wrapper_s8: filter_dims.n 3 must equal output_dims.c 2",
                () -> convolve(dims(1, 1, 4, 2), dims(3, 1, 1, 2), dims(1, 1, 4, 2)));
        assertMessage("arm_convolve_wrapper_s8: input_dims.c 3 is not a multiple of filter_dims.c 2",
                () -> convolve(dims(1, 1, 4, 3), dims(2, 1, 1, 2), dims(1, 1, 4, 2)));
        assertMessage("arm_convolve_wrapper_s8: output_dims.c 3 is not a multiple of the group count 2",
                () -> convolve(dims(1, 1, 4, 4), dims(3, 1, 1, 2), dims(1, 1, 4, 3)));
        assertMessage("arm_convolve_wrapper_s8: input_dims.n 2 must equal output_dims.n 1",
                () -> convolve(dims(2, 1, 4, 2), dims(2, 1, 1, 2), dims(1, 1, 4, 2)));
        assertMessage("arm_convolve_wrapper_s8: input_dims {n=0, h=1, w=4, c=2} must be positive",
                () -> convolve(dims(0, 1, 4, 2), dims(2, 1, 1, 2), dims(1, 1, 4, 2)));
        assertMessage("arm_convolve_wrapper_s8: stride {w=0, h=1} must be positive",
                () -> ArmConvolveWrapperS8.run(Rounding.DOUBLE, new CmsisNnConvParams(0, 0, new CmsisNnTile(0, 1),
                        NONE, ONE, INT8), quant(2), dims(1, 1, 4, 2), new byte[8], dims(2, 1, 1, 2), new byte[4],
                        dims(1, 1, 1, 2), null, dims(1, 1, 4, 2), new byte[8]));
        CmsisNnDims input = dims(1, 1, 4, 2);
        CmsisNnDims filter = dims(2, 1, 1, 2);
        CmsisNnDims output = dims(1, 1, 4, 2);
        assertMessage("arm_convolve_wrapper_s8: input has 7 values but input_dims {n=1, h=1, w=4, c=2} needs 8",
                () -> ArmConvolveWrapperS8.run(Rounding.DOUBLE, CONV, quant(2), input, new byte[7], filter,
                        new byte[4], dims(1, 1, 1, 2), null, output, new byte[8]));
        assertMessage("arm_convolve_wrapper_s8: filter has 3 values but filter_dims {n=2, h=1, w=1, c=2} needs 4",
                () -> ArmConvolveWrapperS8.run(Rounding.DOUBLE, CONV, quant(2), input, new byte[8], filter,
                        new byte[3], dims(1, 1, 1, 2), null, output, new byte[8]));
        assertMessage("arm_convolve_wrapper_s8: output has 9 values but output_dims {n=1, h=1, w=4, c=2} needs 8",
                () -> ArmConvolveWrapperS8.run(Rounding.DOUBLE, CONV, quant(2), input, new byte[8], filter,
                        new byte[4], dims(1, 1, 1, 2), null, output, new byte[9]));
    }

    @Test
    void depthwiseConvolutionChecks() {
        assertMessage("arm_depthwise_conv_wrapper_s8: ch_mult 0 must be positive",
                () -> depthwise(0, dims(1, 1, 1, 2)));
        assertMessage("arm_depthwise_conv_wrapper_s8: output_dims.c 2 must equal input_dims.c 2 * ch_mult 2",
                () -> depthwise(2, dims(1, 1, 1, 2)));
        assertMessage("arm_depthwise_conv_wrapper_s8: filter_dims {n=2, h=1, w=1, c=2} must be {1, KH, KW, 2}",
                () -> depthwise(1, dims(2, 1, 1, 2)));
    }

    @Test
    void elementwiseAndSoftmaxChecks() {
        assertMessage("arm_elementwise_add_s8: left_shift 32 is outside [0, 31]",
                () -> ArmElementwiseAddS8.run(Rounding.DOUBLE, new byte[1], new byte[1], 0, 1 << 30, 0, 0, 1 << 30,
                        0, 32, new byte[1], 0, 1 << 30, 0, -128, 127, 1));
        assertMessage("arm_softmax_s8: num_rows -1 must be >= 0 and row_size 1 >= 1",
                () -> ArmSoftmaxS8.run(new byte[0], -1, 1, 1 << 30, 0, -248, new byte[0]));
        assertMessage("arm_softmax_s8: shift 32 is outside [0, 31]",
                () -> ArmSoftmaxS8.run(new byte[1], 1, 1, 1 << 30, 32, -248, new byte[1]));
    }

    @Test
    void oneChannelConvolutionChecks() {
        assertMessage("hark_convolve_1ch_s8: filter of 5 values for dimensions {n=2, h=1, w=3, c=1}",
                () -> HarkConvolve1chS8.widenFilter(dims(2, 1, 3, 1), new byte[5]));
    }

    @Test
    void fullyConnectedChecks() {
        CmsisNnFcParams p = new CmsisNnFcParams(0, 0, 0, INT8);
        CmsisNnPerTensorQuantParams q = new CmsisNnPerTensorQuantParams(1 << 30, 0);
        assertMessage("arm_fully_connected_s8: input_dims {n=1, h=1, w=1, c=3} hold h*w*c values per batch but "
                        + "filter_dims.n is 2",
                () -> ArmFullyConnectedS8.run(Rounding.DOUBLE, p, q, dims(1, 1, 1, 3), new byte[3], dims(2, 1, 1, 2),
                        new byte[4], dims(1, 1, 1, 2), null, dims(1, 1, 1, 2), new byte[2]));
        assertMessage("arm_fully_connected_s8: input has 3 values but input_dims {n=1, h=1, w=1, c=2} needs 2",
                () -> ArmFullyConnectedS8.run(Rounding.DOUBLE, p, q, dims(1, 1, 1, 2), new byte[3], dims(2, 1, 1, 2),
                        new byte[4], dims(1, 1, 1, 2), null, dims(1, 1, 1, 2), new byte[2]));
    }

    @Test
    void poolingChecks() {
        CmsisNnPoolParams p = new CmsisNnPoolParams(ONE, NONE, INT8);
        assertMessage("arm_max_pool_s8: filter_dims {n=1, h=0, w=2, c=1} must have positive h and w",
                () -> ArmMaxPoolS8.run(p, dims(1, 2, 2, 1), new byte[4], dims(1, 0, 2, 1), dims(1, 2, 1, 1),
                        new byte[2]));
        assertMessage("arm_max_pool_s8: output_dims {n=1, h=1, w=1, c=2} must have the batches and channels of "
                        + "input_dims {n=1, h=2, w=2, c=1}",
                () -> ArmMaxPoolS8.run(p, dims(1, 2, 2, 1), new byte[4], dims(1, 2, 2, 1), dims(1, 1, 1, 2),
                        new byte[2]));
        assertMessage("arm_avgpool_s8: input has 3 values but input_dims {n=1, h=2, w=2, c=1} needs 4",
                () -> ArmAvgpoolS8.run(p, dims(1, 2, 2, 1), new byte[3], dims(1, 2, 2, 1), dims(1, 1, 1, 1),
                        new byte[1]));
        assertMessage("arm_avgpool_s8: output has 2 values but output_dims {n=1, h=1, w=1, c=1} needs 1",
                () -> ArmAvgpoolS8.run(p, dims(1, 2, 2, 1), new byte[4], dims(1, 2, 2, 1), dims(1, 1, 1, 1),
                        new byte[2]));
    }

    private static void convolve(CmsisNnDims input, CmsisNnDims filter, CmsisNnDims output) {
        ArmConvolveWrapperS8.run(Rounding.DOUBLE, CONV, quant(output.c()), input, new byte[input.elementCount()],
                filter, new byte[filter.elementCount()], dims(1, 1, 1, output.c()), null, output,
                new byte[output.elementCount()]);
    }

    /** Two input channels, two output channels, a 1x1 filter of {@code filter}'s dims. */
    private static void depthwise(int chMult, CmsisNnDims filter) {
        CmsisNnDims io = dims(1, 1, 4, 2);
        ArmDepthwiseConvWrapperS8.run(Rounding.DOUBLE, new CmsisNnDwConvParams(0, 0, chMult, ONE, NONE, ONE, INT8),
                quant(2), io, new byte[8], filter, new byte[filter.elementCount()], dims(1, 1, 1, 2), null, io,
                new byte[8]);
    }

    private static CmsisNnPerChannelQuantParams quant(int channels) {
        int[] multipliers = new int[channels];
        Arrays.fill(multipliers, 1 << 30);
        return new CmsisNnPerChannelQuantParams(multipliers, new int[channels]);
    }

    private static CmsisNnDims dims(int n, int h, int w, int c) {
        return new CmsisNnDims(n, h, w, c);
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
