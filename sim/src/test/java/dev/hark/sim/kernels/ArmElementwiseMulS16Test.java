package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/** {@code arm_elementwise_mul_s16} against {@code elementwise_mul_s16.json} of both rounding builds. */
@Fast
class ArmElementwiseMulS16Test extends GoldenFileTest {

    ArmElementwiseMulS16Test() {
        super("elementwise_mul_s16.json", (rounding, c) -> {
            // The C function takes offsets but ignores them; the vectors pass 0 for all three.
            assertEquals(0, c.intParam("input_1_offset") | c.intParam("input_2_offset") | c.intParam("out_offset"),
                    "case " + c.name() + ": s16 offsets");
            int blockSize = c.intParam("block_size");
            short[] output = new short[blockSize];
            ArmElementwiseMulS16.run(rounding, c.int16Array("input1"), c.int16Array("input2"), output,
                    c.intParam("out_mult"), c.intParam("out_shift"), c.intParam("out_activation_min"),
                    c.intParam("out_activation_max"), blockSize);
            c.assertOutput(output);
        });
    }
}
