package dev.hark.sim.audio;

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
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
