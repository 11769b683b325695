package dev.hark.sim.kernels;

import dev.hark.sim.GoldenVectors;
import dev.hark.testing.Fast;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** {@code arm_max_pool_s8} against {@code max_pool_s8.json} of both rounding builds. */
@Fast
class ArmMaxPoolS8Test {

    @TestFactory
    Stream<DynamicContainer> matchesGoldenVectors() {
        return GoldenVectors.casesOfBothFolders("max_pool_s8.json", (rounding, c) -> {
            CmsisNnDims outputDims = c.dims("output_dims");
            byte[] output = new byte[outputDims.elementCount()];
            ArmMaxPoolS8.run(PoolCases.poolParams(c), c.dims("input_dims"), c.int8Array("input"),
                    c.dims("filter_dims"), outputDims, output);
            c.assertOutput(output);
        });
    }
}
