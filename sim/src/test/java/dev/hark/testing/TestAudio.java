package dev.hark.testing;

import java.util.Random;

/** Audio for tests that need samples without meaning: a fixed function of the seed on every JVM. */
public final class TestAudio {
    private TestAudio() {
    }

    /**
     * Gaussian noise of 16-bit samples.
     *
     * @param standardDeviation in sample units; a few thousand keeps clipping rare
     */
    public static short[] noise(int samples, double standardDeviation, long seed) {
        Random random = new Random(seed);
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) (random.nextGaussian() * standardDeviation);
        }
        return pcm;
    }

    /**
     * A sine tone of 16-bit samples at 16 kHz, starting at phase 0.
     *
     * @param amplitude in sample units, at most 32767
     */
    public static short[] tone(int samples, double hz, double amplitude) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / 16000));
        }
        return pcm;
    }
}
