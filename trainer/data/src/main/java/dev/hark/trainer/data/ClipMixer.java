package dev.hark.trainer.data;

/**
 * Renders a clip: the word at its level and place in one second of silence, plus a segment of background
 * noise scaled to the planned SNR (or, for a noise-only clip, to the planned level). Rounds to 16-bit; if the
 * sum would clip, the whole clip is scaled down instead, keeping the SNR.
 */
final class ClipMixer {
    static final int LENGTH = Clip.LENGTH;
    private static final double FULL_SCALE = 32767;

    private ClipMixer() {
    }

    /**
     * @param word   the trimmed word at 16 kHz (any scale), or null for a noise-only clip
     * @param noises the background recordings, indexed like {@link BackgroundNoise#NAMES}
     */
    static short[] render(ClipSpec spec, float[] word, float[][] noises) {
        double[] clip = new double[LENGTH];
        double noiseRms;
        if (word != null) {
            float[] w = word.length > LENGTH ? centre(word) : word;
            double peak = 0;
            for (float v : w) {
                peak = Math.max(peak, Math.abs(v));
            }
            double gain = dbToLinear(spec.levelDb()) * FULL_SCALE / Math.max(peak, 1e-9);
            int room = LENGTH - w.length;
            int offset = Math.min(room, (int) (spec.placement() * (room + 1)));
            double energy = 0;
            for (int i = 0; i < w.length; i++) {
                double v = w[i] * gain;
                clip[offset + i] = v;
                energy += v * v;
            }
            double speechRms = Math.sqrt(energy / Math.max(1, w.length));
            noiseRms = speechRms / dbToLinear(spec.snrDb());
        } else {
            noiseRms = dbToLinear(spec.levelDb()) * FULL_SCALE;
        }
        addNoise(clip, noises[spec.noiseIndex()], spec.noiseOffset(), noiseRms);
        return toShorts(clip);
    }

    private static float[] centre(float[] w) {
        float[] out = new float[LENGTH];
        System.arraycopy(w, (w.length - LENGTH) / 2, out, 0, LENGTH);
        return out;
    }

    private static void addNoise(double[] clip, float[] noise, double offsetFraction, double targetRms) {
        int start = (int) (offsetFraction * Math.max(1, noise.length - LENGTH + 1));
        double energy = 0;
        for (int i = 0; i < LENGTH; i++) {
            double v = noise[(start + i) % noise.length]; // wraps only for recordings shorter than a clip
            energy += v * v;
        }
        double rms = Math.sqrt(energy / LENGTH);
        if (rms <= 0) {
            return;
        }
        double g = targetRms / rms;
        for (int i = 0; i < LENGTH; i++) {
            clip[i] += g * noise[(start + i) % noise.length];
        }
    }

    private static short[] toShorts(double[] clip) {
        double peak = 0;
        for (double v : clip) {
            peak = Math.max(peak, Math.abs(v));
        }
        double g = peak > FULL_SCALE ? FULL_SCALE / peak : 1.0;
        short[] out = new short[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (short) Math.round(clip[i] * g);
        }
        return out;
    }

    static double dbToLinear(double db) {
        return StrictMath.pow(10, db / 20);
    }
}
