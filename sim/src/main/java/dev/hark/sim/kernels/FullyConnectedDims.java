package dev.hark.sim.kernels;

/**
 * The sizes a fully-connected call's dims promise, checked against its arrays; shared by the s8 and s16 kernels.
 *
 * @param batches     {@code input_dims.n}
 * @param accumDepth  {@code filter_dims.n}, which must equal {@code input_dims.h * w * c}
 * @param outputDepth {@code output_dims.c}
 */
record FullyConnectedDims(int batches, int accumDepth, int outputDepth) {

    /**
     * @param biasLength the bias array's length, or -1 when there is no bias
     * @throws IllegalArgumentException naming the kernel and the first dimension or length that does not fit
     */
    static FullyConnectedDims check(String kernel, CmsisNnDims inputDims, int inputLength, CmsisNnDims filterDims,
            int filterLength, int biasLength, CmsisNnDims outputDims, int outputLength) {
        KernelChecks.checkPositive(kernel, "input_dims", inputDims);
        KernelChecks.checkPositive(kernel, "output_dims", outputDims);
        KernelChecks.check(filterDims.n() > 0, kernel, "filter_dims.n (accumulation depth) must be positive");
        FullyConnectedDims d = new FullyConnectedDims(inputDims.n(), filterDims.n(), outputDims.c());
        if (inputDims.h() * inputDims.w() * inputDims.c() != d.accumDepth) {
            throw KernelChecks.failure(kernel, "input_dims " + inputDims + " hold h*w*c values per batch but "
                    + "filter_dims.n is " + d.accumDepth);
        }
        KernelChecks.checkLength(kernel, "input", inputLength, (long) d.batches * d.accumDepth, "input_dims",
                inputDims);
        KernelChecks.checkLength(kernel, "filter", filterLength, (long) d.outputDepth * d.accumDepth,
                "[output_dims.c][filter_dims.n]");
        KernelChecks.checkLength(kernel, "output", outputLength, (long) d.batches * d.outputDepth,
                "[input_dims.n][output_dims.c]");
        if (biasLength >= 0) {
            KernelChecks.checkLength(kernel, "bias", biasLength, d.outputDepth, "output_dims.c");
        }
        return d;
    }
}
