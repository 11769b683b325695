package dev.hark.trainer.augment;

import dev.hark.sim.Checks;

/**
 * How {@link Augmenter} perturbs one-second training clips. Each transform is applied to a clip with its own
 * probability; its strength is drawn uniformly from its range. Transforms run in this order: speed, shift,
 * noise, gain (then rounding and saturation to int16).
 *
 * <table>
 *   <caption>Defaults ({@link #defaults()}; change them transform by transform with the {@code with} methods)</caption>
 *   <tr><th>transform</th><th>probability</th><th>range</th></tr>
 *   <tr><td>speed perturbation (resampling: tempo and pitch together)</td><td>0.5</td><td>0.9 .. 1.1</td></tr>
 *   <tr><td>time shift, zero-filled</td><td>1.0</td><td>-100 .. +100 ms</td></tr>
 *   <tr><td>background noise at an SNR</td><td>0.8</td><td>0 .. 20 dB</td></tr>
 *   <tr><td>gain, saturating to int16</td><td>1.0</td><td>-6 .. +6 dB</td></tr>
 * </table>
 *
 * <p>Why these: the shift moves the word within the window as a streaming detector will see it; 20% of clips
 * stay noise-free so the clean condition of the test recordings is still trained on; speed perturbation costs
 * the most (a resampling, about 1 ms) and also shifts pitch, so only half the clips get it.
 *
 * @param speedProbability probability of speed perturbation, 0..1
 * @param minSpeed         slowest speed factor (0.9 = 10% slower and longer), 0.5..2
 * @param maxSpeed         fastest speed factor, minSpeed..2
 * @param shiftProbability probability of a time shift, 0..1
 * @param maxShiftMs       largest shift either way in milliseconds, 0..500
 * @param noiseProbability probability of mixing background noise, 0..1 (no effect without noise recordings)
 * @param minSnrDb         lowest signal-to-noise ratio in dB, -30..60
 * @param maxSnrDb         highest SNR in dB, minSnrDb..60
 * @param gainProbability  probability of a gain change, 0..1
 * @param minGainDb        lowest gain in dB, -40..40
 * @param maxGainDb        highest gain in dB, minGainDb..40
 */
public record AugmentationConfig(
        double speedProbability, double minSpeed, double maxSpeed,
        double shiftProbability, int maxShiftMs,
        double noiseProbability, double minSnrDb, double maxSnrDb,
        double gainProbability, double minGainDb, double maxGainDb) {

    /** @throws IllegalArgumentException naming the first value out of its documented range */
    public AugmentationConfig {
        Checks.unitInterval("augmentation: speed probability", speedProbability);
        Checks.unitInterval("augmentation: shift probability", shiftProbability);
        Checks.unitInterval("augmentation: noise probability", noiseProbability);
        Checks.unitInterval("augmentation: gain probability", gainProbability);
        range("speed", minSpeed, maxSpeed, 0.5, 2.0);
        range("SNR dB", minSnrDb, maxSnrDb, -30, 60);
        range("gain dB", minGainDb, maxGainDb, -40, 40);
        if (maxShiftMs < 0 || maxShiftMs > 500) {
            throw new IllegalArgumentException("augmentation: max shift must be 0..500 ms, got " + maxShiftMs);
        }
    }

    /** The documented defaults. */
    public static AugmentationConfig defaults() {
        return new AugmentationConfig(0.5, 0.9, 1.1, 1.0, 100, 0.8, 0, 20, 1.0, -6, 6);
    }

    /** No augmentation at all: every clip passes unchanged. */
    public static AugmentationConfig none() {
        return new AugmentationConfig(0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** This configuration with speed perturbation of probability {@code p}, factor uniform in [min, max]. */
    public AugmentationConfig withSpeed(double p, double min, double max) {
        return new AugmentationConfig(p, min, max, shiftProbability, maxShiftMs, noiseProbability, minSnrDb,
                maxSnrDb, gainProbability, minGainDb, maxGainDb);
    }

    /** This configuration with a time shift of probability {@code p}, uniform in ±maxMs. */
    public AugmentationConfig withShift(double p, int maxMs) {
        return new AugmentationConfig(speedProbability, minSpeed, maxSpeed, p, maxMs, noiseProbability, minSnrDb,
                maxSnrDb, gainProbability, minGainDb, maxGainDb);
    }

    /** This configuration with background noise of probability {@code p}, SNR uniform in [min, max] dB. */
    public AugmentationConfig withNoise(double p, double minDb, double maxDb) {
        return new AugmentationConfig(speedProbability, minSpeed, maxSpeed, shiftProbability, maxShiftMs, p, minDb,
                maxDb, gainProbability, minGainDb, maxGainDb);
    }

    /** This configuration with a gain change of probability {@code p}, uniform in [min, max] dB. */
    public AugmentationConfig withGain(double p, double minDb, double maxDb) {
        return new AugmentationConfig(speedProbability, minSpeed, maxSpeed, shiftProbability, maxShiftMs,
                noiseProbability, minSnrDb, maxSnrDb, p, minDb, maxDb);
    }

    /** Largest shift in samples at 16 kHz. */
    public int maxShiftSamples() {
        return maxShiftMs * 16;
    }

    /** One line for logs and reports, e.g. {@code "speed 0.5x[0.9,1.1] shift 1.0x±100ms ..."}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "speed %.2fx[%.2f,%.2f] shift %.2fx±%dms noise %.2fx[%.0f,%.0f]dB gain %.2fx[%.0f,%.0f]dB",
                speedProbability, minSpeed, maxSpeed, shiftProbability, maxShiftMs,
                noiseProbability, minSnrDb, maxSnrDb, gainProbability, minGainDb, maxGainDb);
    }

    private static void range(String what, double min, double max, double lowest, double highest) {
        if (!(min >= lowest && max <= highest && min <= max)) {
            throw new IllegalArgumentException("augmentation: " + what + " range must satisfy " + lowest
                    + " <= min <= max <= " + highest + ", got [" + min + ", " + max + "]");
        }
    }
}
