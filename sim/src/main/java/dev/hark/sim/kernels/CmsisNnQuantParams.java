package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * Mirror of {@code cmsis_nn_quant_params}, the argument of the wrapper kernels that accept either
 * per-tensor or per-channel requantization.
 *
 * <p>When {@code isPerChannel} is false only element 0 of each array is read. The arrays are shared, not
 * copied, and take part in {@code equals} by identity.
 *
 * @param multiplier Q31 multipliers (length 1 or one per output channel)
 * @param shift exponents, same length as {@code multiplier}
 * @param isPerChannel whether there is one pair per output channel
 */
public record CmsisNnQuantParams(int[] multiplier, int[] shift, boolean isPerChannel) {

    /**
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public CmsisNnQuantParams {
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(shift, "shift");
        if (multiplier.length != shift.length || multiplier.length == 0) {
            throw new IllegalArgumentException("quant params: " + multiplier.length + " multipliers and "
                    + shift.length + " shifts (need the same non-zero number)");
        }
    }
}
