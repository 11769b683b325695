package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * Mirror of {@code cmsis_nn_per_channel_quant_params}: one multiplier and shift per output channel,
 * with the same meaning and ranges as {@link CmsisNnPerTensorQuantParams}.
 *
 * <p>The arrays are shared, not copied (like the C pointers), and take part in {@code equals} by identity.
 *
 * @param multiplier Q31 multiplier per output channel
 * @param shift exponent per output channel, same length as {@code multiplier}
 */
public record CmsisNnPerChannelQuantParams(int[] multiplier, int[] shift) {

    /**
     * @throws IllegalArgumentException if the two arrays differ in length
     */
    public CmsisNnPerChannelQuantParams {
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(shift, "shift");
        if (multiplier.length != shift.length) {
            throw new IllegalArgumentException("per-channel quant params: " + multiplier.length
                    + " multipliers but " + shift.length + " shifts");
        }
    }
}
