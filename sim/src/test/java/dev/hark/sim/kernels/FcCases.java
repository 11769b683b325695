package dev.hark.sim.kernels;

import dev.hark.sim.GoldenVectors.GoldenCase;

/** Builds the fully-connected argument records from a golden case. */
final class FcCases {

    private FcCases() {
    }

    static CmsisNnFcParams fcParams(GoldenCase c) {
        return new CmsisNnFcParams(c.intParam("input_offset"), c.intParam("filter_offset"),
                c.intParam("output_offset"), c.activation("activation_min", "activation_max"));
    }

    static byte[] outputBuffer(GoldenCase c) {
        CmsisNnDims out = c.dims("output_dims");
        return new byte[out.n() * out.c()];
    }
}
