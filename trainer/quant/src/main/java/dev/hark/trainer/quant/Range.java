package dev.hark.trainer.quant;

/** The observed range of a float tensor over the calibration set; always includes 0. */
public final class Range {
    private double min;
    private double max;
    private long count;

    public void observe(float[] values) {
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        count += values.length;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public long count() {
        return count;
    }
}
