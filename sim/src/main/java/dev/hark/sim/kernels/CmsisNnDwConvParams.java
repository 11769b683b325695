package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * Mirror of {@code cmsis_nn_dw_conv_params}.
 *
 * <p>Offset sign convention: {@code inputOffset = -input_zero_point} (range [-127, 128]),
 * {@code outputOffset = +output_zero_point} (range [-128, 127]).
 *
 * @param inputOffset negated input zero point
 * @param outputOffset output zero point
 * @param chMult channel multiplier: output channels per input channel, output channel
 *               {@code co = ci * chMult + m}
 * @param stride step between output positions, in input pixels
 * @param padding top/left padding
 * @param dilation spacing between filter taps (1 = dense)
 * @param activation output clamp
 */
public record CmsisNnDwConvParams(int inputOffset, int outputOffset, int chMult, CmsisNnTile stride,
        CmsisNnTile padding, CmsisNnTile dilation, CmsisNnActivation activation) {

    /** Rejects null components, which C would dereference. */
    public CmsisNnDwConvParams {
        Objects.requireNonNull(stride, "stride");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dilation, "dilation");
        Objects.requireNonNull(activation, "activation");
    }
}
