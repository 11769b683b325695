package dev.hark.trainer.quant;

import java.util.Locale;

/**
 * How a calibrated activation's int8 range is chosen from what the float network produced on calibration clips.
 * The chosen range {@code [lo, hi]} is widened to contain 0 and mapped onto the 256 codes:
 * {@code scale = (hi - lo) / 255}, {@code zp = round(-128 - lo / scale)} ({@link WeightQuantizer#activation}).
 * Fixed grids (hidden state, sigmoid, tanh and softmax outputs, attention context) never use a method.
 */
public enum CalibrationMethod {
    /** The observed minimum and maximum: nothing is clipped, every rare extreme widens the grid. */
    MINMAX,
    /**
     * Each tail clipped at a percentile of the observed values: {@code lo} the {@code (100 - p)}-th, {@code hi}
     * the {@code p}-th percentile (interpolated in the histogram), never beyond min/max. {@code p} is set by
     * {@link CalibrationPlan#percentile()}.
     */
    PERCENTILE,
    /**
     * Entropy calibration after TensorRT: the clipping window that minimizes the Kullback-Leibler divergence
     * between the histogram (clipped values folded into the edge bins) and its 255-step quantized version. For
     * the affine grid the window keeps the observed min/max proportion and shrinks towards 0; see
     * {@link Clipping#entropy}.
     */
    KL;

    /**
     * Parses {@code minmax}, {@code percentile} or {@code kl} (case-insensitive; {@code entropy} is accepted
     * for kl).
     *
     * @throws IllegalArgumentException naming the bad word and the choices
     */
    public static CalibrationMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        return switch (t) {
            case "minmax" -> MINMAX;
            case "percentile" -> PERCENTILE;
            case "kl", "entropy" -> KL;
            default -> throw new IllegalArgumentException("unknown calibration method '" + text
                    + "' (choose minmax, percentile or kl)");
        };
    }

    /** The lower-case name {@link #parse} reads. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
