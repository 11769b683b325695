package dev.hark.trainer.augment;

/**
 * The random choices {@link Augmenter} made for one clip in one epoch; applying a plan is deterministic.
 * Neutral values mean "transform not applied".
 *
 * @param speed          speed factor, 1 = unchanged; a multiple of 1/160 (the resampler runs between 16 kHz and
 *                       a multiple of 100 Hz, which keeps its filter tables small)
 * @param shiftSamples   time shift in samples, positive = later, 0 = unchanged
 * @param noiseRecording index into the {@link NoiseBank}, -1 = no noise
 * @param noiseOffset    first sample of the noise excerpt in that recording
 * @param snrDb          signal-to-noise ratio of the mix in dB (meaningless when no noise)
 * @param gainDb         gain in dB, 0 = unchanged
 */
public record AugmentationPlan(double speed, int shiftSamples, int noiseRecording, int noiseOffset, double snrDb,
                               double gainDb) {
    /** The plan that changes nothing. */
    public static final AugmentationPlan IDENTITY = new AugmentationPlan(1.0, 0, -1, 0, 0, 0);

    /** @throws IllegalArgumentException if speed is not positive or noise indices are negative when used */
    public AugmentationPlan {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("augmentation plan: speed must be > 0, got " + speed);
        }
        if (noiseRecording < -1 || (noiseRecording >= 0 && noiseOffset < 0)) {
            throw new IllegalArgumentException("augmentation plan: bad noise recording " + noiseRecording
                    + " / offset " + noiseOffset);
        }
    }

    public boolean changesSpeed() {
        return speed != 1.0;
    }

    public boolean addsNoise() {
        return noiseRecording >= 0;
    }

    public boolean changesGain() {
        return gainDb != 0.0;
    }
}
