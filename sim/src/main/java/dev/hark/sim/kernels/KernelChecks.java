package dev.hark.sim.kernels;

/**
 * Argument checks shared by the kernels. C trusts its caller; the simulator instead fails fast with a
 * one-line message naming the kernel, because an index mistake here would otherwise surface as a silently
 * different model output. The checks run on every call, so a message is put together only when its check fails:
 * a check whose message is built from values is written {@code if (!ok) throw failure(kernel, ...)}, and the
 * methods here take the message's parts.
 */
final class KernelChecks {

    private KernelChecks() {
    }

    /** The exception a failed check throws: {@code "<kernel>: <problem>"}. */
    static IllegalArgumentException failure(String kernel, String problem) {
        return new IllegalArgumentException(kernel + ": " + problem);
    }

    static void check(boolean condition, String kernel, String problem) {
        if (!condition) {
            throw failure(kernel, problem);
        }
    }

    static void checkLength(String kernel, String array, int actualLength, long expectedLength, String why) {
        if (actualLength != expectedLength) {
            throw lengthFailure(kernel, array, actualLength, expectedLength, why);
        }
    }

    /** {@link #checkLength(String, String, int, long, String)} for a length that dims promise, why being them. */
    static void checkLength(String kernel, String array, int actualLength, long expectedLength, String dimsName,
            CmsisNnDims dims) {
        if (actualLength != expectedLength) {
            throw lengthFailure(kernel, array, actualLength, expectedLength, dimsName + " " + dims);
        }
    }

    private static IllegalArgumentException lengthFailure(String kernel, String array, int actualLength,
            long expectedLength, String why) {
        return failure(kernel, array + " has " + actualLength + " values but " + why + " needs " + expectedLength);
    }

    static void checkPositive(String kernel, String name, CmsisNnDims dims) {
        if (dims.n() <= 0 || dims.h() <= 0 || dims.w() <= 0 || dims.c() <= 0) {
            throw failure(kernel, name + " " + dims + " must be positive");
        }
    }

    static void checkPositive(String kernel, String name, CmsisNnTile tile) {
        if (tile.w() <= 0 || tile.h() <= 0) {
            throw failure(kernel, name + " {w=" + tile.w() + ", h=" + tile.h() + "} must be positive");
        }
    }

    static int clamp(int value, CmsisNnActivation activation) {
        // Same order as C's MAX-then-MIN, which matters only if min > max.
        return Math.min(Math.max(value, activation.min()), activation.max());
    }

    /**
     * What every convolution needs of its arguments: positive dims, stride and dilation, as many output batches as
     * input batches, and the array lengths the dims promise (input, filter and output match their dims; the bias,
     * when given, and the per-channel multipliers hold one value per output channel).
     */
    static void checkConvolution(String kernel, CmsisNnTile stride, CmsisNnTile dilation, CmsisNnDims inputDims,
            byte[] input, CmsisNnDims filterDims, byte[] filter, int[] bias, CmsisNnPerChannelQuantParams q,
            CmsisNnDims outputDims, byte[] output) {
        checkPositive(kernel, "input_dims", inputDims);
        checkPositive(kernel, "filter_dims", filterDims);
        checkPositive(kernel, "output_dims", outputDims);
        checkPositive(kernel, "stride", stride);
        checkPositive(kernel, "dilation", dilation);
        if (inputDims.n() != outputDims.n()) {
            throw failure(kernel, "input_dims.n " + inputDims.n() + " must equal output_dims.n " + outputDims.n());
        }
        int outCh = outputDims.c();
        checkLength(kernel, "input", input.length, inputDims.elementCount(), "input_dims", inputDims);
        checkLength(kernel, "filter", filter.length, filterDims.elementCount(), "filter_dims", filterDims);
        checkLength(kernel, "output", output.length, outputDims.elementCount(), "output_dims", outputDims);
        if (bias != null) {
            checkLength(kernel, "bias", bias.length, outCh, "output_dims.c");
        }
        checkLength(kernel, "multiplier", q.multiplier().length, outCh, "output_dims.c");
    }
}
