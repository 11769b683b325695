package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * Shape checks and window bounds shared by the two pooling kernels: the part of the filter window at an
 * output position that lies inside the input (padded positions are not visited and not counted).
 */
final class PoolingWindow {

    private PoolingWindow() {
    }

    static void check(String kernel, CmsisNnPoolParams p, CmsisNnDims inputDims, byte[] input,
            CmsisNnDims filterDims, CmsisNnDims outputDims, byte[] output) {
        Objects.requireNonNull(p, "pool params");
        KernelChecks.checkPositive(kernel, "input_dims", inputDims);
        KernelChecks.checkPositive(kernel, "output_dims", outputDims);
        KernelChecks.check(filterDims.h() > 0 && filterDims.w() > 0, kernel,
                "filter_dims " + filterDims + " must have positive h and w");
        KernelChecks.checkPositive(kernel, "stride", p.stride());
        KernelChecks.check(inputDims.c() == outputDims.c() && inputDims.n() == outputDims.n(), kernel,
                "output_dims " + outputDims + " must have the batches and channels of input_dims " + inputDims);
        KernelChecks.checkLength(kernel, "input", input.length, inputDims.elementCount(), "input_dims " + inputDims);
        KernelChecks.checkLength(kernel, "output", output.length, outputDims.elementCount(),
                "output_dims " + outputDims);
    }

    /** First in-range filter row/column for a window starting at input coordinate {@code origin}. */
    static int start(int origin) {
        return Math.max(0, -origin);
    }

    /** One past the last in-range filter row/column. */
    static int end(int origin, int kernelSize, int inputSize) {
        return Math.min(kernelSize, inputSize - origin);
    }
}
