package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** {@code arm_avgpool_s8} against {@code avgpool_s8.json} of both rounding builds. */
@Fast
class ArmAvgpoolS8Test extends GoldenFileTest {

    ArmAvgpoolS8Test() {
        super("avgpool_s8.json", (rounding, c) -> PoolCases.check(c, ArmAvgpoolS8::run));
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
