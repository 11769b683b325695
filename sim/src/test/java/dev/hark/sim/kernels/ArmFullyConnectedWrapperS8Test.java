package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/**
 * {@code arm_fully_connected_wrapper_s8} against {@code fully_connected_wrapper_s8.json} of both rounding
 * builds, through both overloads.
 */
@Fast
class ArmFullyConnectedWrapperS8Test extends GoldenFileTest {

    ArmFullyConnectedWrapperS8Test() {
        super("fully_connected_wrapper_s8.json", (rounding, c) -> {
            boolean perChannel = c.intParam("is_per_channel") != 0;
            int[] multiplier = c.int32Array("multiplier");
            int[] shift = c.int32Array("shift");
            byte[] output = FcCases.outputBuffer(c);
            ArmFullyConnectedWrapperS8.run(rounding, FcCases.fcParams(c),
                    new CmsisNnQuantParams(multiplier, shift, perChannel), c.dims("input_dims"),
                    c.int8Array("input"), c.dims("filter_dims"), c.int8Array("filter"), c.dims("bias_dims"),
                    c.int32Array("bias"), c.dims("output_dims"), output);
            c.assertOutput(output);

            byte[] viaFields = FcCases.outputBuffer(c);
            ArmFullyConnectedWrapperS8.run(rounding, FcCases.fcParams(c), perChannel, multiplier, shift,
                    c.dims("input_dims"), c.int8Array("input"), c.dims("filter_dims"), c.int8Array("filter"),
                    c.dims("bias_dims"), c.int32Array("bias"), c.dims("output_dims"), viaFields);
            assertArrayEquals(output, viaFields, "case " + c.name() + ": overloads disagree");
        });
    }
}
