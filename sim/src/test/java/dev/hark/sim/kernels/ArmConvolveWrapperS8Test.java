package dev.hark.sim.kernels;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/** {@code arm_convolve_wrapper_s8} against {@code convolve_wrapper_s8.json} of both rounding builds. */
@Fast
class ArmConvolveWrapperS8Test extends GoldenFileTest {

    ArmConvolveWrapperS8Test() {
        super("convolve_wrapper_s8.json", (rounding, c) -> ConvCases.check(rounding, c, ArmConvolveWrapperS8::run,
                new CmsisNnConvParams(c.intParam("input_offset"), c.intParam("output_offset"), c.tile("stride"),
                        c.tile("padding"), c.tile("dilation"), c.activation("activation_min", "activation_max"))));
    }
}
