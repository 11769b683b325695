package dev.hark.trainer.quant;

/**
 * The observed range of a float tensor over the calibration set; always includes 0.
 *
 * @param count how many values were observed
 */
public record Range(double min, double max, long count) {
    /** Nothing observed yet. */
    public static final Range NONE = new Range(0, 0, 0);

    /** This range widened to include {@code values}. */
    public Range including(float[] values) {
        double lo = min;
        double hi = max;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Range(lo, hi, count + values.length);
    }
}
