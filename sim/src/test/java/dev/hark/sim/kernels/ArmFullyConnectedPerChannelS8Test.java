package dev.hark.sim.kernels;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/**
 * {@code arm_fully_connected_per_channel_s8} against {@code fully_connected_per_channel_s8.json} of both
 * rounding builds.
 */
@Fast
class ArmFullyConnectedPerChannelS8Test extends GoldenFileTest {

    ArmFullyConnectedPerChannelS8Test() {
        super("fully_connected_per_channel_s8.json", (rounding, c) -> {
            byte[] output = FcCases.outputBuffer(c);
            ArmFullyConnectedPerChannelS8.run(rounding, FcCases.fcParams(c), c.perChannelQuant(),
                    c.dims("input_dims"), c.int8Array("input"), c.dims("filter_dims"), c.int8Array("filter"),
                    c.dims("bias_dims"), c.int32Array("bias"), c.dims("output_dims"), output);
            c.assertOutput(output);
        });
    }
}
