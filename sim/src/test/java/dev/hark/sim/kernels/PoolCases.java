package dev.hark.sim.kernels;

import dev.hark.sim.GoldenVectors.GoldenCase;

/** Runs a pooling kernel on a golden case: both pooling kernels take the same arguments. */
final class PoolCases {

    /** The Java signature of both pooling kernels. */
    @FunctionalInterface
    interface PoolingKernel {
        void run(CmsisNnPoolParams p, CmsisNnDims inputDims, byte[] input, CmsisNnDims filterDims,
                CmsisNnDims outputDims, byte[] output);
    }

    private PoolCases() {
    }

    /** Runs {@code kernel} on the case's arguments and compares its output with the stored one. */
    static void check(GoldenCase c, PoolingKernel kernel) {
        CmsisNnPoolParams p = new CmsisNnPoolParams(c.tile("stride"), c.tile("padding"),
                c.activation("activation_min", "activation_max"));
        CmsisNnDims outputDims = c.dims("output_dims");
        byte[] output = new byte[outputDims.elementCount()];
        kernel.run(p, c.dims("input_dims"), c.int8Array("input"), c.dims("filter_dims"), outputDims, output);
        c.assertOutput(output);
    }
}
