package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/** {@code arm_fully_connected_s16} against {@code fully_connected_s16.json} of both rounding builds. */
@Fast
class ArmFullyConnectedS16Test extends GoldenFileTest {

    ArmFullyConnectedS16Test() {
        super("fully_connected_s16.json", (rounding, c) -> {
            CmsisNnPerTensorQuantParams q = c.perTensorQuant();
            assertEquals(c.intParam("reduced_multiplier"), ArmNnRequantize.reduceMultiplier(q.multiplier()),
                    "case " + c.name() + ": reduced multiplier");
            CmsisNnDims outputDims = c.dims("output_dims");
            short[] output = new short[outputDims.n() * outputDims.c()];
            ArmFullyConnectedS16.run(FcCases.fcParams(c), q,
                    c.dims("input_dims"), c.int16Array("input"), c.dims("filter_dims"), c.int8Array("filter"),
                    c.dims("bias_dims"), c.int64Array("bias"), outputDims, output);
            c.assertOutput(output);
        });
    }
}
