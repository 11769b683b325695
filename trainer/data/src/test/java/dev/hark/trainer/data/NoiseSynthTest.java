package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class NoiseSynthTest {
    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return Math.sqrt(s / x.length);
    }

    /** Energy of the first difference over energy of the signal: ~2 for white, smaller the redder the noise. */
    private static double highFrequencyShare(float[] x) {
        double d = 0;
        double e = 0;
        for (int i = 1; i < x.length; i++) {
            d += Math.pow(x[i] - x[i - 1], 2);
            e += (double) x[i] * x[i];
        }
        return d / e;
    }

    @Test
    void everyGeneratorIsDeterministicAndNormalized() {
        List<BiFunction<Random, Integer, float[]>> gens = List.of(NoiseSynth::white, NoiseSynth::pink,
                NoiseSynth::brown, NoiseSynth::hum, NoiseSynth::machine);
        for (BiFunction<Random, Integer, float[]> g : gens) {
            float[] a = g.apply(new Random(42), 32000);
            assertArrayEquals(a, g.apply(new Random(42), 32000));
            assertEquals(NoiseSynth.RMS * 32767, rms(a), 0.02 * NoiseSynth.RMS * 32767);
        }
    }

    @Test
    void pinkAndBrownAreRedderThanWhite() {
        double white = highFrequencyShare(NoiseSynth.white(new Random(1), 64000));
        double pink = highFrequencyShare(NoiseSynth.pink(new Random(1), 64000));
        double brown = highFrequencyShare(NoiseSynth.brown(new Random(1), 64000));
        assertEquals(2.0, white, 0.1);
        assertTrue(pink < 0.6 * white, "pink " + pink);
        assertTrue(brown < 0.3 * pink, "brown " + brown);
    }

    @Test
    void babbleFillsTheRecordingWithWords() {
        float[] word = new float[4000];
        for (int i = 0; i < word.length; i++) {
            word[i] = (float) Math.sin(i * 0.1);
        }
        float[] b = NoiseSynth.babble(new Random(5), 48000, List.of(word), 3);
        int silentSeconds = 0;
        for (int s = 0; s < 3; s++) {
            float[] sec = java.util.Arrays.copyOfRange(b, s * 16000, (s + 1) * 16000);
            silentSeconds += rms(sec) < 1 ? 1 : 0;
        }
        assertEquals(0, silentSeconds);
    }
}
