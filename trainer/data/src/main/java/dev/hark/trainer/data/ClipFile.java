package dev.hark.trainer.data;

import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.audio.AudioReading;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A clip on disk, not yet read: listing a data set costs no memory until {@link #load()}.
 *
 * @param source  a 16 kHz mono 16-bit WAV file
 * @param word    the word spoken
 * @param speaker the speaker id
 */
public record ClipFile(Path source, String word, String speaker) {
    /**
     * Reads the audio, padding or cropping it (centred) to one second.
     *
     * @throws AudioFormatException if the file is not 16 kHz mono 16-bit PCM WAV, or holds no samples (a labelled
     *                              clip of nothing is a broken file, not a second of silence)
     */
    public Clip load() throws IOException {
        return load(AudioReading.STRICT);
    }

    /**
     * Reads the audio as {@code reading} says, padding or cropping it (centred) to one second.
     *
     * @throws AudioFormatException if the file cannot be read so, or holds no samples
     */
    public Clip load(AudioReading reading) throws IOException {
        short[] samples = reading.read(source);
        if (samples.length == 0) {
            throw new AudioFormatException(source, "no audio samples");
        }
        return Clip.fitted(source, word, speaker, samples);
    }
}
