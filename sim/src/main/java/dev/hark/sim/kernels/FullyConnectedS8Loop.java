package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * The one reference loop behind the three s8 fully-connected kernels; they differ only in whether the
 * multiplier/shift arrays hold one pair or one per output.
 */
final class FullyConnectedS8Loop {

    private FullyConnectedS8Loop() {
    }

    static void run(String kernel, Rounding r, CmsisNnFcParams p, int[] multiplier, int[] shift,
            boolean perChannel, CmsisNnDims inputDims, byte[] input, CmsisNnDims filterDims, byte[] filter,
            int[] bias, CmsisNnDims outputDims, byte[] output) {
        Objects.requireNonNull(r, "rounding");
        Objects.requireNonNull(p, "fc params");
        KernelChecks.checkPositive(kernel, "input_dims", inputDims);
        KernelChecks.checkPositive(kernel, "output_dims", outputDims);
        KernelChecks.check(filterDims.n() > 0, kernel, "filter_dims.n (accumulation depth) must be positive");
        int batches = inputDims.n();
        int accumDepth = filterDims.n();
        int outputDepth = outputDims.c();
        KernelChecks.check(inputDims.h() * inputDims.w() * inputDims.c() == accumDepth, kernel,
                "input_dims " + inputDims + " hold h*w*c values per batch but filter_dims.n is " + accumDepth);
        KernelChecks.checkLength(kernel, "input", input.length, (long) batches * accumDepth,
                "input_dims " + inputDims);
        KernelChecks.checkLength(kernel, "filter", filter.length, (long) outputDepth * accumDepth,
                "[output_dims.c][filter_dims.n]");
        KernelChecks.checkLength(kernel, "output", output.length, (long) batches * outputDepth,
                "[input_dims.n][output_dims.c]");
        if (bias != null) {
            KernelChecks.checkLength(kernel, "bias", bias.length, outputDepth, "output_dims.c");
        }
        KernelChecks.checkLength(kernel, "multiplier", multiplier.length, perChannel ? outputDepth : 1,
                perChannel ? "per-channel quantization" : "per-tensor quantization");
        KernelChecks.checkLength(kernel, "shift", shift.length, multiplier.length, "the multiplier array");

        for (int b = 0; b < batches; b++) {
            int inBase = b * accumDepth;
            for (int o = 0; o < outputDepth; o++) {
                int filterBase = o * accumDepth;
                int acc = bias == null ? 0 : bias[o];
                for (int k = 0; k < accumDepth; k++) {
                    acc += (input[inBase + k] + p.inputOffset()) * (filter[filterBase + k] + p.filterOffset());
                }
                int q = perChannel ? o : 0;
                int value = ArmNnRequantize.requantize(acc, multiplier[q], shift[q], r) + p.outputOffset();
                output[b * outputDepth + o] = (byte) KernelChecks.clamp(value, p.activation());
            }
        }
    }
}
