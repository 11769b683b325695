package dev.hark.sim.kernels;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/** {@code arm_elementwise_mul_s8} against {@code elementwise_mul_s8.json} of both rounding builds. */
@Fast
class ArmElementwiseMulS8Test extends GoldenFileTest {

    ArmElementwiseMulS8Test() {
        super("elementwise_mul_s8.json", (rounding, c) -> {
            int blockSize = c.intParam("block_size");
            byte[] output = new byte[blockSize];
            ArmElementwiseMulS8.run(rounding, c.int8Array("input1"), c.int8Array("input2"),
                    c.intParam("input_1_offset"), c.intParam("input_2_offset"), output, c.intParam("out_offset"),
                    c.intParam("out_mult"), c.intParam("out_shift"), c.intParam("out_activation_min"),
                    c.intParam("out_activation_max"), blockSize);
            c.assertOutput(output);
        });
    }
}
