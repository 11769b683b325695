package dev.hark.sim.kernels;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/** {@code arm_elementwise_add_s8} against {@code elementwise_add_s8.json} of both rounding builds. */
@Fast
class ArmElementwiseAddS8Test extends GoldenFileTest {

    ArmElementwiseAddS8Test() {
        super("elementwise_add_s8.json", (rounding, c) -> {
            int blockSize = c.intParam("block_size");
            byte[] output = new byte[blockSize];
            ArmElementwiseAddS8.run(rounding, c.int8Array("input1"), c.int8Array("input2"),
                    c.intParam("input_1_offset"), c.intParam("input_1_mult"), c.intParam("input_1_shift"),
                    c.intParam("input_2_offset"), c.intParam("input_2_mult"), c.intParam("input_2_shift"),
                    c.intParam("left_shift"), output, c.intParam("out_offset"), c.intParam("out_mult"),
                    c.intParam("out_shift"), c.intParam("out_activation_min"), c.intParam("out_activation_max"),
                    blockSize);
            c.assertOutput(output);
        });
    }
}
