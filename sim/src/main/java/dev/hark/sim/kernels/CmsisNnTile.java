package dev.hark.sim.kernels;

/**
 * Mirror of {@code cmsis_nn_tile}: a pair of horizontal and vertical values, used for stride, padding and
 * dilation. Note the C field order: width first.
 *
 * @param w horizontal value (along the W axis)
 * @param h vertical value (along the H axis)
 */
public record CmsisNnTile(int w, int h) {
}
