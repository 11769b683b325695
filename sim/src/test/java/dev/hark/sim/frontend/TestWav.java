package dev.hark.sim.frontend;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Test-only reader for 16 kHz mono 16-bit WAV files (the product reader lives elsewhere). */
final class TestWav {
    private TestWav() {
    }

    static short[] read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.getSampleRate() != 16000f
                    || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IOException(file + ": not 16 kHz mono signed 16-bit PCM but " + f);
            }
            byte[] b = in.readAllBytes();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                int lo = b[2 * i] & 0xff;
                int hi = b[2 * i + 1];
                s[i] = f.isBigEndian() ? (short) ((lo << 8) | (hi & 0xff)) : (short) ((hi << 8) | lo);
            }
            return s;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": not a readable WAV file", e);
        }
    }
}
