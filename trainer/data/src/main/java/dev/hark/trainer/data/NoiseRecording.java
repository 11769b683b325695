package dev.hark.trainer.data;

import java.nio.file.Path;

/**
 * A long background recording (from {@code _background_noise_/}) to mix under clips.
 *
 * @param source  the file it was read from
 * @param samples its 16 kHz 16-bit samples, any length
 */
public record NoiseRecording(Path source, short[] samples) {
    /** The name without {@code .wav}, e.g. {@code "pink_noise"}. */
    public String name() {
        String f = source.getFileName().toString();
        return f.endsWith(".wav") ? f.substring(0, f.length() - 4) : f;
    }
}
