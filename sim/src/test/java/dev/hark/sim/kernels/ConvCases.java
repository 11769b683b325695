package dev.hark.sim.kernels;

import dev.hark.sim.GoldenVectors.GoldenCase;

/** Runs a convolution kernel on a golden case: the two convolutions differ only in their parameter record. */
final class ConvCases {

    /** The Java signature of both convolution kernels, {@code P} being the parameter record. */
    @FunctionalInterface
    interface ConvolutionKernel<P> {
        void run(Rounding r, P params, CmsisNnPerChannelQuantParams q, CmsisNnDims inputDims, byte[] input,
                CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims, int[] bias, CmsisNnDims outputDims,
                byte[] output);
    }

    private ConvCases() {
    }

    /** Runs {@code kernel} with {@code params} and the case's other arguments, and compares its output. */
    static <P> void check(Rounding r, GoldenCase c, ConvolutionKernel<P> kernel, P params) {
        CmsisNnDims outputDims = c.dims("output_dims");
        byte[] output = new byte[outputDims.elementCount()];
        kernel.run(r, params, c.perChannelQuant(), c.dims("input_dims"), c.int8Array("input"), c.dims("filter_dims"),
                c.int8Array("filter"), c.dims("bias_dims"), c.int32Array("bias"), outputDims, output);
        c.assertOutput(output);
    }
}
