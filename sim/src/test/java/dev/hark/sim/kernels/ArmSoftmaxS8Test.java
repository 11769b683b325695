package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** {@code arm_softmax_s8} against {@code softmax_s8.json} of both rounding builds. */
@Fast
class ArmSoftmaxS8Test extends GoldenFileTest {

    ArmSoftmaxS8Test() {
        super("softmax_s8.json", (rounding, c) -> {
            byte[] input = c.int8Array("input");
            byte[] output = new byte[input.length];
            ArmSoftmaxS8.run(input, c.intParam("num_rows"), c.intParam("row_size"), c.intParam("mult"),
                    c.intParam("shift"), c.intParam("diff_min"), output);
            c.assertOutput(output);
        });
    }

    @Test
    void inPlaceGivesTheSameResult() {
        byte[] input = {14, 6, -3, 14, 100, -128};
        byte[] separate = new byte[input.length];
        // beta 1, input scale 1/16: mult 2^30, shift 23, diff_min -248
        ArmSoftmaxS8.run(input, 2, 3, 1 << 30, 23, -248, separate);
        byte[] inPlace = input.clone();
        ArmSoftmaxS8.run(inPlace, 2, 3, 1 << 30, 23, -248, inPlace);
        assertArrayEquals(separate, inPlace);
    }
}
