package dev.hark.sim.kernels;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/**
 * {@code arm_depthwise_conv_wrapper_s8} against {@code depthwise_conv_wrapper_s8.json} of both rounding
 * builds.
 */
@Fast
class ArmDepthwiseConvWrapperS8Test extends GoldenFileTest {

    ArmDepthwiseConvWrapperS8Test() {
        super("depthwise_conv_wrapper_s8.json", (rounding, c) -> ConvCases.check(rounding, c,
                ArmDepthwiseConvWrapperS8::run, new CmsisNnDwConvParams(c.intParam("input_offset"),
                        c.intParam("output_offset"), c.intParam("ch_mult"), c.tile("stride"), c.tile("padding"),
                        c.tile("dilation"), c.activation("activation_min", "activation_max"))));
    }
}
