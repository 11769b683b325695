package dev.hark.trainer.augment;

import dev.hark.sim.audio.Resampler;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Perturbs int16 clips on the fly: speed, time shift, background noise at an SNR, gain (see
 * {@link AugmentationConfig}).
 *
 * <p>Deterministic: the plan for clip {@code index} in {@code epoch} is drawn from {@link ClipRandom#forClip}
 * {@code (seed, index, epoch)} alone, so any epoch can be reproduced after a resume and the result does not
 * depend on threads or visiting order. Every plan draws the same number of values per transform whatever the
 * probabilities, so changing one transform's probability does not reshuffle the others.
 *
 * <p>Thread-safe: immutable apart from a cache of resamplers, which are stateless and shared.
 *
 * <pre>{@code
 * Augmenter a = new Augmenter(AugmentationConfig.defaults(), NoisePartition.bank(noise, Split.TRAIN), seed);
 * short[] seen = a.augment(clip.samples(), index, epoch);
 * }</pre>
 */
public final class Augmenter {
    /** Speed factors are rounded to multiples of 100 Hz / 16 kHz, keeping every resampler's phase table small. */
    static final int SPEED_RATE_STEP_HZ = 100;
    private static final int SAMPLE_RATE = 16000;

    private final AugmentationConfig config;
    private final NoiseBank noise;
    private final long seed;
    private final ConcurrentMap<Integer, Resampler> resamplers = new ConcurrentHashMap<>();

    /**
     * @param noise where background noise comes from; empty = no noise is ever mixed
     * @param seed  master seed; the same seed gives the same clips
     */
    public Augmenter(AugmentationConfig config, NoiseBank noise, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.noise = Objects.requireNonNull(noise, "noise");
        this.seed = seed;
    }

    public NoiseBank noise() {
        return noise;
    }

    /**
     * The random choices for clip {@code index} in {@code epoch}, for clips of {@code clipLength} samples.
     *
     * @throws IllegalArgumentException if index or epoch is negative or clipLength < 1
     */
    public AugmentationPlan plan(int index, int epoch, int clipLength) {
        if (index < 0 || epoch < 0 || clipLength < 1) {
            throw new IllegalArgumentException("augmentation: index and epoch must be >= 0 and the clip non-empty, got "
                    + index + ", " + epoch + ", " + clipLength);
        }
        ClipRandom r = ClipRandom.forClip(seed, index, epoch);
        AugmentationConfig c = config;
        // Fixed draw order and count: speed (2), shift (2), noise (4), gain (2).
        boolean speedOn = r.chance(c.speedProbability());
        double speed = quantizeSpeed(r.uniform(c.minSpeed(), c.maxSpeed()));
        boolean shiftOn = r.chance(c.shiftProbability());
        int maxShift = c.maxShiftSamples();
        int shift = r.nextInt(2 * maxShift + 1) - maxShift;
        boolean noiseOn = r.chance(c.noiseProbability()) && !noise.isEmpty();
        int recording = r.nextInt(Math.max(1, noise.size()));
        double offsetDraw = r.nextDouble();
        double snr = r.uniform(c.minSnrDb(), c.maxSnrDb());
        boolean gainOn = r.chance(c.gainProbability());
        double gain = r.uniform(c.minGainDb(), c.maxGainDb());

        int offset = 0;
        if (noiseOn) {
            int length = noise.length(recording);
            // Prefer an excerpt that fits without wrapping; only recordings shorter than a clip wrap.
            int starts = length >= clipLength ? length - clipLength + 1 : length;
            offset = (int) (offsetDraw * starts);
        }
        return new AugmentationPlan(speedOn ? speed : 1.0, shiftOn ? shift : 0, noiseOn ? recording : -1, offset,
                noiseOn ? snr : 0.0, gainOn ? gain : 0.0);
    }

    /** {@code clip} as seen in {@code epoch}: {@link #plan} then {@link #apply}. */
    public short[] augment(short[] clip, int index, int epoch) {
        return apply(clip, plan(index, epoch, clip.length));
    }

    /**
     * Applies a plan: speed, shift, noise, gain, then rounding and saturation to int16. {@code clip} is not
     * modified; the result has the same length.
     *
     * @throws IllegalArgumentException if the clip is empty
     * @throws IndexOutOfBoundsException if the plan names noise this augmenter's bank does not hold
     */
    public short[] apply(short[] clip, AugmentationPlan plan) {
        if (clip.length == 0) {
            throw new IllegalArgumentException("augmentation: empty clip");
        }
        float[] x = AudioTransforms.toFloat(clip);
        if (plan.changesSpeed()) {
            x = AudioTransforms.changeSpeed(x, resamplerFor(plan.speed()));
        }
        if (plan.shiftSamples() != 0) {
            x = AudioTransforms.shift(x, plan.shiftSamples());
        }
        if (plan.addsNoise()) {
            AudioTransforms.mixAtSnr(x, noise.excerpt(plan.noiseRecording(), plan.noiseOffset(), x.length),
                    plan.snrDb());
        }
        if (plan.changesGain()) {
            AudioTransforms.gain(x, plan.gainDb());
        }
        return AudioTransforms.toInt16(x);
    }

    /** The speed factor actually used for a drawn one: the nearest multiple of 100 Hz / 16 kHz. */
    static double quantizeSpeed(double speed) {
        return rateFor(speed) / (double) SAMPLE_RATE;
    }

    private static int rateFor(double speed) {
        return (int) Math.round(speed * SAMPLE_RATE / SPEED_RATE_STEP_HZ) * SPEED_RATE_STEP_HZ;
    }

    private Resampler resamplerFor(double speed) {
        return resamplers.computeIfAbsent(rateFor(speed), rate -> new Resampler(rate, SAMPLE_RATE));
    }
}
