package dev.hark.sim.audio;

import dev.hark.sim.Checks;

/**
 * Mono 16-bit audio with its sample rate.
 *
 * @param samples    signed 16-bit samples, one channel (the array is not copied)
 * @param sampleRate samples per second, positive
 */
public record PcmAudio(short[] samples, int sampleRate) {
    public PcmAudio {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        Checks.positive("sample rate", sampleRate);
    }

    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
