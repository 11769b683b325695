package dev.hark.trainer.data;

import java.util.List;
import java.util.Random;

/**
 * Generators of background noise at 16 kHz, each returning {@code n} samples normalized to an RMS of
 * {@value #RMS} of full scale (about -20 dBFS) on the 16-bit scale. All randomness comes from the given
 * {@link Random}, and only StrictMath is used, so output is identical on every JVM.
 */
final class NoiseSynth {
    static final double RMS = 0.1;
    private static final double RATE = 16000;

    private NoiseSynth() {
    }

    /** Flat spectrum. */
    static float[] white(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return normalized(x);
    }

    /** Octaves of the pink noise generator. */
    static final int PINK_ROWS = 16;

    /**
     * Power falling 3 dB per octave (1/f), by the Voss method: the sum of {@value #PINK_ROWS} random values
     * where value k is redrawn every 2^k samples, so each octave gets about equal power.
     */
    static float[] pink(Random rnd, int n) {
        double[] rows = new double[PINK_ROWS];
        double sum = 0;
        for (int k = 0; k < PINK_ROWS; k++) {
            rows[k] = rnd.nextGaussian();
            sum += rows[k];
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Redraw the row of the lowest set bit of i: row k changes once every 2^k samples.
            int k = i == 0 ? 0 : Integer.numberOfTrailingZeros(i);
            if (k < PINK_ROWS) {
                sum -= rows[k];
                rows[k] = rnd.nextGaussian();
                sum += rows[k];
            }
            x[i] = sum + rnd.nextGaussian(); // the white term fills the top octave
        }
        return normalized(highPass(x, 20));
    }

    /** Power falling 6 dB per octave (1/f^2): leaky integration of white noise, a deep rumble. */
    static float[] brown(Random rnd, int n) {
        double[] x = new double[n];
        double y = 0;
        for (int i = 0; i < n; i++) {
            y = 0.997 * y + rnd.nextGaussian();
            x[i] = y;
        }
        return normalized(highPass(x, 20));
    }

    /** Mains hum: 50 or 60 Hz with eight decaying harmonics, slow amplitude drift, and a little hiss. */
    static float[] hum(Random rnd, int n) {
        double f0 = rnd.nextBoolean() ? 50.0 : 60.0;
        double[] phase = new double[9];
        double[] amp = new double[9];
        for (int h = 1; h <= 8; h++) {
            phase[h] = rnd.nextDouble() * 2 * Math.PI;
            amp[h] = StrictMath.pow(h, -1.2) * (0.5 + rnd.nextDouble());
        }
        double driftHz = 0.1 + 0.3 * rnd.nextDouble();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / RATE;
            double s = 0;
            for (int h = 1; h <= 8; h++) {
                s += amp[h] * StrictMath.sin(2 * Math.PI * f0 * h * t + phase[h]);
            }
            x[i] = s * (1 + 0.2 * StrictMath.sin(2 * Math.PI * driftHz * t)) + 0.02 * rnd.nextGaussian();
        }
        return normalized(x);
    }

    /**
     * A running machine (fan, fridge, tap): resonant band of noise around a few hundred Hz, throbbing at a few
     * Hz, over a rumble, with a faint motor whine.
     */
    static float[] machine(Random rnd, int n) {
        double centre = 300 + 600 * rnd.nextDouble();
        double whine = 1000 + 2000 * rnd.nextDouble();
        double throb = 2 + 4 * rnd.nextDouble();
        // Two-pole resonator: poles at radius r and angle w give a band around `centre`.
        double w = 2 * Math.PI * centre / RATE;
        double r = 0.98;
        double a1 = 2 * r * StrictMath.cos(w);
        double a2 = -r * r;
        double y1 = 0;
        double y2 = 0;
        double rumble = 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / RATE;
            double y = rnd.nextGaussian() + a1 * y1 + a2 * y2;
            y2 = y1;
            y1 = y;
            rumble = 0.995 * rumble + rnd.nextGaussian();
            double am = 1 + 0.3 * StrictMath.sin(2 * Math.PI * throb * t);
            x[i] = am * (0.1 * y + 0.05 * rumble) + 0.3 * StrictMath.sin(2 * Math.PI * whine * t);
        }
        return normalized(highPass(x, 20));
    }

    /**
     * Crowd babble: {@code streams} voices talking at once, each a chain of words (16 kHz, any level) with
     * short pauses, every word at its own random level.
     */
    static float[] babble(Random rnd, int n, List<float[]> words, int streams) {
        double[] x = new double[n];
        int next = 0;
        for (int s = 0; s < streams; s++) {
            int pos = (int) (rnd.nextDouble() * 0.3 * RATE);
            while (pos < n) {
                float[] word = words.get(next++ % words.size());
                double peak = 0;
                for (float v : word) {
                    peak = Math.max(peak, Math.abs(v));
                }
                double gain = (0.3 + 0.7 * rnd.nextDouble()) / Math.max(peak, 1e-9);
                for (int i = 0; i < word.length && pos + i < n; i++) {
                    x[pos + i] += gain * word[i];
                }
                pos += word.length + (int) ((0.05 + 0.25 * rnd.nextDouble()) * RATE);
            }
        }
        return normalized(x);
    }

    /** One-pole high-pass at {@code hz}, removing DC and sub-audio drift that integrators accumulate. */
    static double[] highPass(double[] x, double hz) {
        double a = StrictMath.exp(-2 * Math.PI * hz / RATE);
        double prevIn = 0;
        double prevOut = 0;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            prevOut = a * (prevOut + x[i] - prevIn);
            prevIn = x[i];
            y[i] = prevOut;
        }
        return y;
    }

    /** Scaled to RMS {@value #RMS} of the 16-bit full scale, then clipped to it. */
    static float[] normalized(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        double rms = Math.sqrt(sum / Math.max(1, x.length));
        double g = rms > 0 ? RMS * 32767 / rms : 0;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) Math.max(-32767, Math.min(32767, x[i] * g));
        }
        return out;
    }
}
