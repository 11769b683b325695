package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * Mirror of {@code cmsis_nn_pool_params}. Pooling has no offsets: input and output share one scale and
 * zero point.
 *
 * @param stride step between output positions, in input pixels
 * @param padding top/left padding; padded positions are not counted
 * @param activation output clamp
 */
public record CmsisNnPoolParams(CmsisNnTile stride, CmsisNnTile padding, CmsisNnActivation activation) {

    /** Rejects null components, which C would dereference. */
    public CmsisNnPoolParams {
        Objects.requireNonNull(stride, "stride");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(activation, "activation");
    }
}
