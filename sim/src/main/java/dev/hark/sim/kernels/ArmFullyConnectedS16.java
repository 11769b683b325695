package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_fully_connected_s16}: int16 activations, int8 weights, int64 bias, 64-bit accumulation.
 *
 * <pre>
 *   out[b][o] = clamp(requantize_s64(bias[o] + sum_k in[b][k] * w[o][k], multiplier, shift), act.min, act.max)
 * </pre>
 * There are no offsets (int16 tensors are symmetric); the offsets in {@link CmsisNnFcParams} are ignored, as
 * in C. Requantization is {@link ArmNnRequantize#requantizeS64}, identical in both rounding builds, so this
 * kernel takes no {@link Rounding}.
 */
public final class ArmFullyConnectedS16 {

    private static final String KERNEL = "arm_fully_connected_s16";

    private ArmFullyConnectedS16() {
    }

    /**
     * Runs the layer.
     *
     * @param p activation clamp (normally [-32768, 32767]); offsets are ignored
     * @param q full Q31 multiplier (reduced to Q15 inside, as the C kernel does) and shift in [-31, 7]
     * @param inputDims {@code n} = batches, {@code h*w*c} = accumulation depth
     * @param input int16 {@code [batches][accum_depth]}
     * @param filterDims {@code n} = accumulation depth
     * @param filter int8 {@code [output_depth][accum_depth]}
     * @param biasDims not read (as in C)
     * @param bias int64 {@code [output_depth]}, or null for no bias
     * @param outputDims {@code c} = output depth
     * @param output int16 {@code [batches][output_depth]}, written
     * @throws IllegalArgumentException if an array length does not match the dimensions
     */
    public static void run(CmsisNnFcParams p, CmsisNnPerTensorQuantParams q, CmsisNnDims inputDims, short[] input,
            CmsisNnDims filterDims, byte[] filter, CmsisNnDims biasDims, long[] bias, CmsisNnDims outputDims,
            short[] output) {
        Objects.requireNonNull(p, "fc params");
        Objects.requireNonNull(q, "quant params");
        FullyConnectedDims d = FullyConnectedDims.check(KERNEL, inputDims, input.length, filterDims, filter.length,
                bias == null ? -1 : bias.length, outputDims, output.length);

        for (int b = 0; b < d.batches(); b++) {
            int inBase = b * d.accumDepth();
            for (int o = 0; o < d.outputDepth(); o++) {
                int filterBase = o * d.accumDepth();
                long acc = 0;
                for (int k = 0; k < d.accumDepth(); k++) {
                    acc += (long) input[inBase + k] * filter[filterBase + k];
                }
                if (bias != null) {
                    acc += bias[o];
                }
                int value = ArmNnRequantize.requantizeS64(acc, q.multiplier(), q.shift());
                output[b * d.outputDepth() + o] = (short) KernelChecks.clamp(value, p.activation());
            }
        }
    }
}
