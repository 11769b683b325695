package dev.hark.sim.kernels;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;

/** {@code arm_max_pool_s8} against {@code max_pool_s8.json} of both rounding builds. */
@Fast
class ArmMaxPoolS8Test extends GoldenFileTest {

    ArmMaxPoolS8Test() {
        super("max_pool_s8.json", (rounding, c) -> PoolCases.check(c, ArmMaxPoolS8::run));
    }
}
