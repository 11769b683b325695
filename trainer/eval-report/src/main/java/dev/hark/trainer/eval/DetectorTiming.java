package dev.hark.trainer.eval;

import dev.hark.sim.detect.DetectionSettings;

/**
 * The detector's smoothing and refractory period as evaluated: the smoothing in scores (as detectors are
 * usually configured, e.g. "mean of the last 5"), the refractory period in seconds, turned into steps of the
 * network's step period, so a model stepping every 60 ms waits as long as one stepping every 80 ms.
 *
 * @param smoothingSteps    scores averaged, 1 to {@link DetectionSettings#MAX_SMOOTHING_STEPS}
 * @param refractorySeconds silence after a detection, at least 0
 */
public record DetectorTiming(int smoothingSteps, double refractorySeconds) {
    /**
     * The evaluation's detector: the device's smoothing ({@link DetectionSettings#DEFAULT}, the mean of 5
     * scores, the fewest misses at 1 false alarm per hour of the smoothings measured, docs/metrics.md), and 1 s
     * silent after firing.
     */
    public static final DetectorTiming DEFAULT = new DetectorTiming(DetectionSettings.DEFAULT.smoothingSteps(), 1.0);

    /** @throws IllegalArgumentException if a value is out of range */
    public DetectorTiming {
        new DetectionSettings(smoothingSteps, 1, 0);
        if (!(refractorySeconds >= 0) || Double.isInfinite(refractorySeconds)) {
            throw new IllegalArgumentException("detector: the refractory period must be at least 0 s, got "
                    + refractorySeconds);
        }
    }

    /** As reports name it: "mean of 12 scores, 0.5 s refractory", "mean of 1 score, 2 s refractory". */
    public String describe() {
        return "mean of " + smoothingSteps + (smoothingSteps == 1 ? " score, " : " scores, ")
                + PlainNumber.of(refractorySeconds) + " s refractory";
    }

    /**
     * The detector's settings for a network that steps every {@code hopFrames} feature frames: the refractory
     * period rounded up to whole steps.
     */
    public DetectionSettings settings(int hopFrames, int threshold) {
        double stepSeconds = hopFrames / (double) StreamTime.FRAMES_PER_SECOND;
        int refractory = (int) Math.ceil(refractorySeconds / stepSeconds - 1e-9);
        return new DetectionSettings(smoothingSteps, threshold, refractory);
    }
}
