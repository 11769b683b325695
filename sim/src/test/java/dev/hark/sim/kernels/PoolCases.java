package dev.hark.sim.kernels;

import dev.hark.sim.GoldenVectors.GoldenCase;

/** Builds the pooling argument record from a golden case. */
final class PoolCases {

    private PoolCases() {
    }

    static CmsisNnPoolParams poolParams(GoldenCase c) {
        return new CmsisNnPoolParams(c.tile("stride"), c.tile("padding"),
                c.activation("activation_min", "activation_max"));
    }
}
