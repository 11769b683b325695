package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * Mirror of {@code cmsis_nn_fc_params}.
 *
 * <p>Offset sign convention: {@code inputOffset = -input_zero_point} (range [-127, 128]),
 * {@code filterOffset = -filter_zero_point} (0 for TFLite's symmetric int8 weights),
 * {@code outputOffset = +output_zero_point} (range [-128, 127]). The s16 kernel ignores all three.
 *
 * @param inputOffset negated input zero point
 * @param filterOffset negated filter zero point
 * @param outputOffset output zero point
 * @param activation output clamp
 */
public record CmsisNnFcParams(int inputOffset, int filterOffset, int outputOffset, CmsisNnActivation activation) {

    /** Rejects a null activation, which C would dereference. */
    public CmsisNnFcParams {
        Objects.requireNonNull(activation, "activation");
    }
}
