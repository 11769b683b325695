package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * Mirror of {@code cmsis_nn_conv_params}.
 *
 * <p>Offset sign convention (TFLite / TFLite Micro): {@code inputOffset = -input_zero_point}, range
 * [-127, 128], added to every input value before it is multiplied; {@code outputOffset = +output_zero_point},
 * range [-128, 127], added after requantization and before the activation clamp.
 *
 * @param inputOffset negated input zero point
 * @param outputOffset output zero point
 * @param stride step between output positions, in input pixels
 * @param padding top/left padding; bottom/right padding is whatever the output dimensions imply
 * @param dilation spacing between filter taps (1 = dense)
 * @param activation output clamp
 */
public record CmsisNnConvParams(int inputOffset, int outputOffset, CmsisNnTile stride, CmsisNnTile padding,
        CmsisNnTile dilation, CmsisNnActivation activation) {

    /** Rejects null components, which C would dereference. */
    public CmsisNnConvParams {
        Objects.requireNonNull(stride, "stride");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dilation, "dilation");
        Objects.requireNonNull(activation, "activation");
    }
}
