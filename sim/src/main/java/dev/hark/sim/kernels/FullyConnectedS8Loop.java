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
        FullyConnectedDims d = FullyConnectedDims.check(kernel, inputDims, input.length, filterDims, filter.length,
                bias == null ? -1 : bias.length, outputDims, output.length);
        KernelChecks.checkLength(kernel, "multiplier", multiplier.length, perChannel ? d.outputDepth() : 1,
                perChannel ? "per-channel quantization" : "per-tensor quantization");
        KernelChecks.checkLength(kernel, "shift", shift.length, multiplier.length, "the multiplier array");

        for (int b = 0; b < d.batches(); b++) {
            int inBase = b * d.accumDepth();
            for (int o = 0; o < d.outputDepth(); o++) {
                int filterBase = o * d.accumDepth();
                int acc = bias == null ? 0 : bias[o];
                for (int k = 0; k < d.accumDepth(); k++) {
                    acc += (input[inBase + k] + p.inputOffset()) * (filter[filterBase + k] + p.filterOffset());
                }
                int q = perChannel ? o : 0;
                int value = ArmNnRequantize.requantize(acc, multiplier[q], shift[q], r) + p.outputOffset();
                output[b * d.outputDepth() + o] = (byte) KernelChecks.clamp(value, p.activation());
            }
        }
    }
}
