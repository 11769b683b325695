package dev.hark.sim.kernels;

import dev.hark.sim.GoldenVectors;
import dev.hark.testing.Fast;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code arm_depthwise_conv_wrapper_s8} against {@code depthwise_conv_wrapper_s8.json} of both rounding
 * builds.
 */
@Fast
class ArmDepthwiseConvWrapperS8Test {

    @TestFactory
    Stream<DynamicContainer> matchesGoldenVectors() {
        return GoldenVectors.casesOfBothFolders("depthwise_conv_wrapper_s8.json", (rounding, c) -> {
            CmsisNnDwConvParams p = new CmsisNnDwConvParams(c.intParam("input_offset"), c.intParam("output_offset"),
                    c.intParam("ch_mult"), c.tile("stride"), c.tile("padding"), c.tile("dilation"),
                    c.activation("activation_min", "activation_max"));
            CmsisNnDims outputDims = c.dims("output_dims");
            byte[] output = new byte[outputDims.elementCount()];
            ArmDepthwiseConvWrapperS8.run(rounding, p, c.perChannelQuant(), c.dims("input_dims"), c.int8Array("input"),
                    c.dims("filter_dims"), c.int8Array("filter"), c.dims("bias_dims"), c.int32Array("bias"),
                    outputDims, output);
            c.assertOutput(output);
        });
    }
}
