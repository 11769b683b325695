package dev.hark.trainer.data;

import dev.hark.sim.audio.WavFile;

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
     * @throws dev.hark.sim.audio.AudioFormatException if the file is not 16 kHz mono 16-bit PCM WAV
     */
    public Clip load() throws IOException {
        return Clip.fitted(source, word, speaker, WavFile.read(source));
    }
}
