package dev.hark.trainer.augment;

import dev.hark.trainer.data.NoiseRecording;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Synthetic audio for the augmentation tests. */
final class TestSignals {
    static final int N = 16000;

    private TestSignals() {
    }

    /** A 1 kHz sine of {@code amplitude} over samples [from, to), zero elsewhere. */
    static short[] toneBurst(int from, int to, double amplitude) {
        short[] s = new short[N];
        for (int i = from; i < to; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        return s;
    }

    static NoiseRecording whiteNoise(String name, int samples, double rms, long seed) {
        Random r = new Random(seed);
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(r.nextGaussian() * rms)));
        }
        return new NoiseRecording(Path.of("/noise/" + name + ".wav"), s);
    }

    static NoiseBank whiteBank() {
        return NoiseBank.of(List.of(whiteNoise("white_a", 3 * N, 300, 1), whiteNoise("white_b", 2 * N + 123, 800, 2)));
    }

    static double rms(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / s.length);
    }

    /** Energy-weighted mean sample index. */
    static double energyCentroid(short[] s) {
        double e = 0;
        double m = 0;
        for (int i = 0; i < s.length; i++) {
            double p = (double) s[i] * s[i];
            e += p;
            m += p * i;
        }
        return m / e;
    }

    /** Samples between the first and last whose magnitude exceeds {@code threshold}. */
    static int activeSpan(short[] s, double threshold) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < s.length; i++) {
            if (Math.abs(s[i]) > threshold) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }
}
