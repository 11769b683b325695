package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** {@code arm_fully_connected_s8} against {@code fully_connected_s8.json} of both rounding builds. */
@Fast
class ArmFullyConnectedS8Test extends GoldenFileTest {

    ArmFullyConnectedS8Test() {
        super("fully_connected_s8.json", (rounding, c) -> {
            byte[] output = FcCases.outputBuffer(c);
            ArmFullyConnectedS8.run(rounding, FcCases.fcParams(c), c.perTensorQuant(), c.dims("input_dims"),
                    c.int8Array("input"), c.dims("filter_dims"), c.int8Array("filter"), c.dims("bias_dims"),
                    c.int32Array("bias"), c.dims("output_dims"), output);
            c.assertOutput(output);
        });
    }

    @Test
    void nullBiasCountsAsZero() {
        // (1 + 1) * 3 + (2 + 1) * 4 = 18; multiplier 0.5 -> 9; + output offset 1 = 10
        CmsisNnFcParams p = new CmsisNnFcParams(1, 0, 1, new CmsisNnActivation(-128, 127));
        byte[] output = new byte[1];
        ArmFullyConnectedS8.run(Rounding.DOUBLE, p, new CmsisNnPerTensorQuantParams(1 << 30, 0),
                new CmsisNnDims(1, 1, 1, 2), new byte[] {1, 2}, new CmsisNnDims(2, 1, 1, 1), new byte[] {3, 4},
                new CmsisNnDims(1, 1, 1, 1), null, new CmsisNnDims(1, 1, 1, 1), output);
        assertArrayEquals(new byte[] {10}, output);
    }

    @Test
    void wrongFilterLengthIsRejectedWithKernelName() {
        CmsisNnFcParams p = new CmsisNnFcParams(0, 0, 0, new CmsisNnActivation(-128, 127));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArmFullyConnectedS8.run(Rounding.DOUBLE, p, new CmsisNnPerTensorQuantParams(1 << 30, 0),
                        new CmsisNnDims(1, 1, 1, 2), new byte[2], new CmsisNnDims(2, 1, 1, 3), new byte[5],
                        new CmsisNnDims(1, 1, 1, 3), null, new CmsisNnDims(1, 1, 1, 3), new byte[3]));
        assertEquals("arm_fully_connected_s8: filter has 5 values but [output_dims.c][filter_dims.n] needs 6",
                e.getMessage());
    }
}
