package dev.hark.trainer.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One labelled one-second recording.
 *
 * @param source  the file it was read from
 * @param word    the word spoken (the folder name in Speech Commands layout)
 * @param speaker the speaker id (the file-name part before {@code _nohash_})
 * @param samples exactly {@value #LENGTH} signed 16-bit samples at 16 kHz
 */
public record Clip(Path source, String word, String speaker, short[] samples) {
    /** Samples in a clip: one second at 16 kHz. */
    public static final int LENGTH = 16000;

    /** @throws IllegalArgumentException if {@code samples} is not exactly {@value #LENGTH} long */
    public Clip {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(speaker, "speaker");
        if (samples == null || samples.length != LENGTH) {
            throw new IllegalArgumentException(source + ": clip must hold " + LENGTH + " samples, got "
                    + (samples == null ? "none" : samples.length) + " (use Clip.fitted)");
        }
    }

    /** A clip from audio of any length: shorter audio is zero-padded equally on both sides, longer audio is cropped around its centre. */
    public static Clip fitted(Path source, String word, String speaker, short[] audio) {
        return new Clip(source, word, speaker, fitCentered(audio, LENGTH));
    }

    /** {@code audio} padded with zeros or cropped, both centred, to exactly {@code length} samples. */
    public static short[] fitCentered(short[] audio, int length) {
        if (audio.length == length) {
            return audio;
        }
        short[] out = new short[length];
        if (audio.length < length) {
            System.arraycopy(audio, 0, out, (length - audio.length) / 2, audio.length);
        } else {
            System.arraycopy(audio, (audio.length - length) / 2, out, 0, length);
        }
        return out;
    }
}
