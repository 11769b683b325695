package dev.hark.sim.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class AudioReadingTest {
    @TempDir
    Path dir;

    private static short[] tone(int rate, int samples, double hz) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    @Test
    void theProjectsAudioIsReadUnchangedEitherWay() throws IOException {
        short[] samples = tone(16000, 16000, 440);
        Path file = dir.resolve("a.wav");
        WavFile.write(file, samples);
        assertArrayEquals(samples, AudioReading.STRICT.read(file));
        assertArrayEquals(samples, AudioReading.RESAMPLED.read(file));
    }

    @Test
    void anotherRateAndChannelCountIsRefusedAsConvertibleOrMixedAndResampled() throws IOException {
        short[] mono48k = tone(48000, 48000, 440);
        short[] stereo = new short[2 * mono48k.length];
        for (int i = 0; i < mono48k.length; i++) {
            stereo[2 * i] = mono48k[i];
            stereo[2 * i + 1] = mono48k[i];
        }
        java.nio.ByteBuffer data = WavBytes.le(2 * stereo.length);
        data.asShortBuffer().put(stereo);
        Path file = Files.write(dir.resolve("s.wav"), new WavBytes().fmt(1, 2, 48000, 16).chunk("data",
                data.array()).build());

        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReading.STRICT.read(file));
        assertTrue(e.isConvertible(), e.getMessage());
        short[] converted = AudioReading.RESAMPLED.read(file);
        assertEquals(16000, converted.length);
        assertArrayEquals(Resampler.resample(mono48k, 48000, 16000), converted,
                "the channels' average, resampled by the one resampler");
    }

    @Test
    void anEncodingNoReaderDecodesIsNotConvertible() throws IOException {
        Path file = Files.write(dir.resolve("adpcm.wav"), new WavBytes().fmt(2, 1, 16000, 4)
                .chunk("data", new byte[16]).build());
        AudioFormatException strict = assertThrows(AudioFormatException.class, () -> AudioReading.STRICT.read(file));
        assertFalse(strict.isConvertible(), strict.getMessage());
        AudioFormatException any = assertThrows(AudioFormatException.class, () -> AudioReading.RESAMPLED.read(file));
        assertTrue(any.getMessage().startsWith(file.toString()), any.getMessage());
    }
}
