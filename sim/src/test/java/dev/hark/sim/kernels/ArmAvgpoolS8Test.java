package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.GoldenVectors;
import dev.hark.testing.Fast;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code arm_avgpool_s8} against {@code avgpool_s8.json} of both rounding builds. */
@Fast
class ArmAvgpoolS8Test {

    @TestFactory
    Stream<DynamicContainer> matchesGoldenVectors() {
        return GoldenVectors.casesOfBothFolders("avgpool_s8.json", (rounding, c) -> {
            CmsisNnDims outputDims = c.dims("output_dims");
            byte[] output = new byte[outputDims.elementCount()];
            ArmAvgpoolS8.run(PoolCases.poolParams(c), c.dims("input_dims"), c.int8Array("input"),
                    c.dims("filter_dims"), outputDims, output);
            c.assertOutput(output);
        });
    }

    @Test
    void meanRoundsHalfAwayFromZero() {
        // 1x2 window over one row: (1 + 2) / 2 = 1.5 -> 2, (-1 + -2) / 2 = -1.5 -> -2
        CmsisNnPoolParams p = new CmsisNnPoolParams(new CmsisNnTile(2, 1), new CmsisNnTile(0, 0),
                new CmsisNnActivation(-128, 127));
        byte[] output = new byte[2];
        ArmAvgpoolS8.run(p, new CmsisNnDims(1, 1, 4, 1), new byte[] {1, 2, -1, -2}, new CmsisNnDims(1, 1, 2, 1),
                new CmsisNnDims(1, 1, 2, 1), output);
        assertArrayEquals(new byte[] {2, -2}, output);
    }
}
