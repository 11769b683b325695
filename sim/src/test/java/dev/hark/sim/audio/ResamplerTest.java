package dev.hark.sim.audio;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class ResamplerTest {
    private static float[] sine(double hz, int rate, int n, double amp) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** Largest deviation from the ideal sine at the new rate, ignoring the edges where the input ends. */
    private static double maxError(float[] out, double hz, int rate, double amp, int margin) {
        double worst = 0;
        for (int i = margin; i < out.length - margin; i++) {
            worst = Math.max(worst, Math.abs(out[i] - amp * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        return worst;
    }

    private static double rms(float[] s, int margin) {
        double sum = 0;
        for (int i = margin; i < s.length - margin; i++) {
            sum += s[i] * s[i];
        }
        return Math.sqrt(sum / (s.length - 2 * margin));
    }

    /** One second of an in-band tone comes out as one second of the same tone, within 0.1% of full scale. */
    private static void assertKeepsTone(double hz, int fromRate, int toRate) {
        float[] out = Resampler.resample(sine(hz, fromRate, fromRate, 10000), fromRate, toRate);
        assertEquals(toRate, out.length);
        assertTrue(maxError(out, hz, toRate, 10000, 100) < 10000 * 1e-3);
    }

    @Test
    void converts22050To16000KeepingAnInBandTone() {
        assertKeepsTone(1000, 22050, 16000);
    }

    @Test
    void downsamplingRemovesToneAboveTheNewNyquist() {
        float[] out = Resampler.resample(sine(12000, 32000, 32000, 10000), 32000, 16000);
        assertEquals(16000, out.length);
        assertTrue(rms(out, 100) < 10000 * 1e-3, "12 kHz must not alias into the 16 kHz signal");
        assertKeepsTone(3000, 32000, 16000);
    }

    @Test
    void upsampling8000To16000InterpolatesTheTone() {
        assertKeepsTone(1000, 8000, 16000);
    }

    @Test
    void oddRatiosHaveTheExpectedLength() {
        assertEquals(16000, Resampler.resample(new float[44100], 44100, 16000).length);
        assertEquals(4, Resampler.resample(new float[5], 22050, 16000).length); // ceil(5 * 320 / 441) = ceil(3.63)
        float[] big = Resampler.resample(sine(500, 44101, 4410, 1000), 44101, 16000); // 16000 phases: no table
        assertTrue(maxError(big, 500, 16000, 1000, 100) < 1000 * 2e-3);
    }

    @Test
    void equalRatesReturnACopyAndShortsSaturate() {
        short[] in = {1, -2, 3};
        short[] copy = Resampler.resample(in, 16000, 16000);
        assertArrayEquals(in, copy);
        assertTrue(copy != in);
        short[] loud = new short[400];
        for (int i = 0; i < loud.length; i++) {
            loud[i] = (i / 20) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE; // square wave overshoots (Gibbs)
        }
        short[] r = Resampler.resample(loud, 16000, 22050);
        assertTrue(r.length > 0);
    }
}
