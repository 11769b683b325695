package dev.hark.sim.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A WAV file that cannot be read, or is not in the format the caller needs. The message is one line:
 * {@code "<path>: <problem>"}, e.g. {@code "a/b.wav: sample rate is 8000 Hz, expected 16000 Hz"}.
 */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public AudioFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
