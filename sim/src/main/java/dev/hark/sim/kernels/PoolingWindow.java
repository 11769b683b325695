package dev.hark.sim.kernels;

import java.util.Objects;
import java.util.function.IntBinaryOperator;

/**
 * The walk shared by the two pooling kernels: shape checks, and for every output position and channel the part of
 * the filter window that lies inside the input (padded positions are not visited and not counted), folded by a
 * {@link Reduction}.
 */
final class PoolingWindow {
    /**
     * How one kernel folds the in-range values of a window into its output value (before the clamp).
     *
     * @param initial the accumulator before the first value
     * @param add     {@code (accumulator, value) -> accumulator}
     * @param finish  {@code (accumulator, count) -> value}, count being the number of in-range positions (at
     *                least 1)
     */
    record Reduction(int initial, IntBinaryOperator add, IntBinaryOperator finish) {
    }

    private PoolingWindow() {
    }

    static void check(String kernel, CmsisNnPoolParams p, CmsisNnDims inputDims, byte[] input,
            CmsisNnDims filterDims, CmsisNnDims outputDims, byte[] output) {
        Objects.requireNonNull(p, "pool params");
        KernelChecks.checkPositive(kernel, "input_dims", inputDims);
        KernelChecks.checkPositive(kernel, "output_dims", outputDims);
        if (!(filterDims.h() > 0 && filterDims.w() > 0)) {
            throw KernelChecks.failure(kernel, "filter_dims " + filterDims + " must have positive h and w");
        }
        KernelChecks.checkPositive(kernel, "stride", p.stride());
        if (!(inputDims.c() == outputDims.c() && inputDims.n() == outputDims.n())) {
            throw KernelChecks.failure(kernel, "output_dims " + outputDims + " must have the batches and channels "
                    + "of input_dims " + inputDims);
        }
        KernelChecks.checkLength(kernel, "input", input.length, inputDims.elementCount(), "input_dims", inputDims);
        KernelChecks.checkLength(kernel, "output", output.length, outputDims.elementCount(), "output_dims",
                outputDims);
    }

    /** Checks the shapes, then writes {@code clamp(reduction over each window)} to {@code output}. */
    static void run(String kernel, Reduction reduction, CmsisNnPoolParams p, CmsisNnDims inputDims, byte[] input,
            CmsisNnDims filterDims, CmsisNnDims outputDims, byte[] output) {
        check(kernel, p, inputDims, input, filterDims, outputDims, output);
        int inH = inputDims.h();
        int inW = inputDims.w();
        int ch = inputDims.c();
        int outIndex = 0;
        for (int b = 0; b < outputDims.n(); b++) {
            for (int oy = 0; oy < outputDims.h(); oy++) {
                int iyOrigin = oy * p.stride().h() - p.padding().h();
                int kyStart = start(iyOrigin);
                int kyEnd = end(iyOrigin, filterDims.h(), inH);
                for (int ox = 0; ox < outputDims.w(); ox++) {
                    int ixOrigin = ox * p.stride().w() - p.padding().w();
                    int kxStart = start(ixOrigin);
                    int kxEnd = end(ixOrigin, filterDims.w(), inW);
                    if (kyStart >= kyEnd || kxStart >= kxEnd) {
                        throw new IllegalArgumentException(kernel + ": window at output (" + oy + ", " + ox
                                + ") covers no input position");
                    }
                    int count = (kyEnd - kyStart) * (kxEnd - kxStart);
                    for (int c = 0; c < ch; c++) {
                        int accumulator = reduction.initial();
                        for (int ky = kyStart; ky < kyEnd; ky++) {
                            for (int kx = kxStart; kx < kxEnd; kx++) {
                                accumulator = reduction.add().applyAsInt(accumulator,
                                        input[((b * inH + iyOrigin + ky) * inW + ixOrigin + kx) * ch + c]);
                            }
                        }
                        int value = reduction.finish().applyAsInt(accumulator, count);
                        output[outIndex++] = (byte) KernelChecks.clamp(value, p.activation());
                    }
                }
            }
        }
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
