package dev.hark.trainer.augment;

import dev.hark.sim.audio.Resampler;

/**
 * The signal operations of augmentation, on float audio in int16 units (full scale = 32768). Each returns a new
 * array or writes into the one it names; none keeps state. StrictMath is used where a JVM could otherwise differ
 * in the last bit, so augmented audio is identical on every machine.
 */
public final class AudioTransforms {
    /** Signals quieter than this RMS (about -50 dBFS) count as this loud when setting a noise level by SNR. */
    public static final double MIN_SIGNAL_RMS = 100.0;

    private AudioTransforms() {
    }

    public static float[] toFloat(short[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i];
        }
        return out;
    }

    /** Rounds to the nearest integer and saturates to [-32768, 32767]. */
    public static short[] toInt16(float[] samples) {
        short[] out = new short[samples.length];
        for (int i = 0; i < out.length; i++) {
            long r = Math.round((double) samples[i]);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
        }
        return out;
    }

    /**
     * Plays {@code x} {@code speedFactor} times faster (tempo and pitch together) by treating it as sampled at
     * {@code 16000 * speed} Hz and resampling to 16 kHz, then pads or crops (centred) back to the input length.
     *
     * @param resampler a {@link Resampler} from {@code round(16000 * speed)} Hz to 16000 Hz
     */
    public static float[] changeSpeed(float[] x, Resampler resampler) {
        return fitCentered(resampler.apply(x), x.length);
    }

    /** {@code x} zero-padded or cropped, both centred, to {@code length} samples. */
    public static float[] fitCentered(float[] x, int length) {
        float[] out = new float[length];
        if (x.length <= length) {
            System.arraycopy(x, 0, out, (length - x.length) / 2, x.length);
        } else {
            System.arraycopy(x, (x.length - length) / 2, out, 0, length);
        }
        return out;
    }

    /** {@code x} delayed by {@code samples} (negative = earlier); vacated samples are zero, same length. */
    public static float[] shift(float[] x, int samples) {
        float[] out = new float[x.length];
        int from = Math.max(0, -samples);
        int to = Math.max(0, samples);
        int n = x.length - Math.abs(samples);
        if (n > 0) {
            System.arraycopy(x, from, out, to, n);
        }
        return out;
    }

    /**
     * Adds {@code noise} to {@code x} in place, scaled so that {@code 10 log10(P(x) / P(scaled noise)) = snrDb},
     * where P is the mean square over the whole clip. Signal power is floored at {@link #MIN_SIGNAL_RMS}^2 so a
     * silent clip still gets audible noise. Silent noise adds nothing.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void mixAtSnr(float[] x, float[] noise, double snrDb) {
        if (noise.length != x.length) {
            throw new IllegalArgumentException("noise has " + noise.length + " samples, the clip " + x.length);
        }
        double signalPower = Math.max(meanSquare(x), MIN_SIGNAL_RMS * MIN_SIGNAL_RMS);
        double noisePower = meanSquare(noise);
        if (noisePower == 0) {
            return;
        }
        double scale = Math.sqrt(signalPower / (noisePower * StrictMath.pow(10, snrDb / 10)));
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] + scale * noise[i]);
        }
    }

    /** Multiplies {@code x} in place by {@code 10^(gainDb / 20)} (saturation happens in {@link #toInt16}). */
    public static void gain(float[] x, double gainDb) {
        double factor = StrictMath.pow(10, gainDb / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] * factor);
        }
    }

    /** Mean of the squared samples; 0 for an empty array. */
    public static double meanSquare(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }
}
