package dev.hark.trainer.quant;

import dev.hark.sim.model.TensorQuant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the float network produced while running on calibration data, per tensor name the float reference reports
 * ({@code conv}, {@code gru1.gx_r}, {@code att.energy}, ...): the exact {@link Range} (min/max, always containing 0)
 * and a {@link Histogram} (2048 bins over a growing range), from a single pass.
 *
 * <p>As {@link ActivationGrids} it gives min-max grids (the int8 grid spans exactly the observed range); a
 * {@link CalibrationPlan} chooses other methods per tensor ({@link CalibrationPlan#grids(Calibration)}).
 */
public final class Calibration implements ActivationGrids {
    private final Map<String, Range> ranges = new TreeMap<>();
    private final Map<String, Histogram> histograms = new TreeMap<>();

    public void observe(String tensor, float[] values) {
        ranges.put(tensor, ranges.getOrDefault(tensor, Range.NONE).including(values));
        histograms.computeIfAbsent(tensor, k -> new Histogram()).observe(values);
    }

    /** @throws IllegalStateException if the tensor was never observed */
    public Range range(String tensor) {
        Range range = ranges.get(tensor);
        if (range == null || range.count() == 0) {
            throw new IllegalStateException("calibration saw no values for tensor " + tensor);
        }
        return range;
    }

    /** @throws IllegalStateException if the tensor was never observed */
    public Histogram histogram(String tensor) {
        range(tensor);
        return histograms.get(tensor);
    }

    public Map<String, Range> ranges() {
        return Map.copyOf(ranges);
    }

    public Set<String> tensors() {
        return java.util.Collections.unmodifiableSet(ranges.keySet());
    }

    /** The min-max grid of a tensor. */
    @Override
    public TensorQuant grid(String tensor) {
        return WeightQuantizer.activation(range(tensor));
    }
}
