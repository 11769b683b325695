package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class ClipMixerTest {
    private static float[] tone(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (1000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        return w;
    }

    private static float[][] whiteNoise() {
        return new float[][] {NoiseSynth.white(new Random(1), 48000)};
    }

    private static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void placesTheWordAtItsPlaceAndPeakLevel() {
        int len = 8000;
        float[] word = tone(len);
        ClipSpec spec = new ClipSpec("w", "s", 0, null, -6, 120, 0, 0.25, 0.5); // noise 120 dB down: inaudible
        short[] clip = ClipMixer.render(spec, word, whiteNoise());
        int offset = (int) (0.5 * (16000 - len + 1));
        double gain = 32767 * Math.pow(10, -6 / 20.0) / 1000;
        for (int i = 0; i < 16000; i++) {
            double expected = i >= offset && i < offset + len ? word[i - offset] * gain : 0;
            assertEquals(expected, clip[i], 1.0, "sample " + i);
        }
    }

    @Test
    void mixesNoiseAtThePlannedSnr() {
        int len = 8000;
        ClipSpec spec = new ClipSpec("w", "s", 0, null, -6, 20, 0, 0.25, 0.5);
        short[] clip = ClipMixer.render(spec, tone(len), whiteNoise());
        int offset = (int) (0.5 * (16000 - len + 1));
        // Outside the word there is only noise, 20 dB below the word's RMS (a sine's RMS is peak / sqrt 2).
        double speechRms = 32767 * Math.pow(10, -6 / 20.0) / Math.sqrt(2);
        double noiseRms = (rms(clip, 0, offset - 10) + rms(clip, offset + len + 10, 16000)) / 2;
        assertEquals(20, 20 * Math.log10(speechRms / noiseRms), 1.0);
    }

    @Test
    void wordLongerThanASecondIsCroppedAroundItsCentre() {
        float[] ramp = new float[20000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        ClipSpec spec = new ClipSpec("w", "s", 0, null, 0, 120, 0, 0, 0.9);
        short[] clip = ClipMixer.render(spec, ramp, whiteNoise());
        // Peak normalized to 0 dBFS: sample k holds ramp value 2000 + k scaled by 32767 / 17999.
        assertEquals(Math.round(2000 * 32767 / 17999.0), clip[0], 2);
        assertEquals(32767, clip[15999], 2);
    }

    @Test
    void noiseOnlyClipHasThePlannedRms() {
        ClipSpec spec = new ClipSpec("noise", "s", 0, null, -30, 0, 0, 0.7, 0);
        short[] clip = ClipMixer.render(spec, null, whiteNoise());
        assertEquals(-30, 20 * Math.log10(rms(clip, 0, 16000) / 32767), 0.1);
    }

    @Test
    void loudMixIsScaledDownInsteadOfClipping() {
        ClipSpec spec = new ClipSpec("w", "s", 0, null, 0, 0, 0, 0, 0); // 0 dBFS word + equally loud noise
        short[] clip = ClipMixer.render(spec, tone(16000), whiteNoise());
        int atLimit = 0;
        for (short v : clip) {
            atLimit += Math.abs(v) >= 32767 ? 1 : 0;
        }
        assertTrue(atLimit <= 2, "only the single loudest sample may touch full scale, got " + atLimit);
    }
}
