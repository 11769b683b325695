package dev.hark.trainer.quant;

import java.util.Map;
import java.util.TreeMap;

/**
 * Activation ranges seen while running the float network on calibration data, keyed by the tensor names the
 * float reference reports ({@code conv}, {@code gru1.gx_r}, {@code att.energy}, ...). Min-max calibration: the
 * int8 grid spans exactly the observed range (widened to contain 0, so that 0 is exact).
 */
public final class Calibration {
    private final Map<String, Range> ranges = new TreeMap<>();

    public void observe(String tensor, float[] values) {
        ranges.computeIfAbsent(tensor, k -> new Range()).observe(values);
    }

    public Range range(String tensor) {
        Range range = ranges.get(tensor);
        if (range == null || range.count() == 0) {
            throw new IllegalStateException("calibration saw no values for tensor " + tensor);
        }
        return range;
    }

    public Map<String, Range> ranges() {
        return Map.copyOf(ranges);
    }
}
