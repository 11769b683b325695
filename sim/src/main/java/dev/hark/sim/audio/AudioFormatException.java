package dev.hark.sim.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A WAV file that cannot be read, or is not in the format the caller needs. The message is one line:
 * {@code "<path>: <problem>"}, e.g. {@code "a/b.wav: sample rate is 8000 Hz, expected 16000 Hz"}.
 */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean convertible;

    public AudioFormatException(Path file, String problem) {
        this(file, problem, false);
    }

    private AudioFormatException(Path file, String problem, boolean convertible) {
        super(file + ": " + problem);
        this.convertible = convertible;
    }

    /** {@code message} (the file and the problem, with more said) for the file of {@code cause}. */
    public AudioFormatException(String message, AudioFormatException cause) {
        super(message, cause);
        this.convertible = cause.convertible;
    }

    /** A readable WAV file in another format than the one needed, which {@link AudioReading#RESAMPLED} converts. */
    static AudioFormatException convertible(Path file, String problem) {
        return new AudioFormatException(file, problem, true);
    }

    /** Whether the file is a readable WAV file that {@link AudioReading#RESAMPLED} would convert. */
    public boolean isConvertible() {
        return convertible;
    }
}
