package dev.hark.sim.kernels;

/**
 * Mirror of {@code cmsis_nn_activation}: the clamp applied to every output after requantization and the
 * output offset, {@code out = min(max(v, min), max)} (in that order, as in C).
 *
 * <p>For int8 outputs the usual range is [-128, 127]; a fused ReLU raises {@code min} to the output zero
 * point.
 *
 * @param min lowest output value
 * @param max highest output value
 */
public record CmsisNnActivation(int min, int max) {
}
