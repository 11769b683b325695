package dev.hark.sim.audio;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class WavFileTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private String readError(Path p) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavFile.read(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void roundTripKeepsEverySampleAndWritesCanonicalHeader() throws IOException {
        short[] samples = new short[16000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i * 7919 - 32768);
        }
        samples[0] = Short.MIN_VALUE;
        samples[1] = Short.MAX_VALUE;
        Path p = dir.resolve("sub/clip.wav");
        WavFile.write(p, samples);
        assertArrayEquals(samples, WavFile.read(p));
        assertEquals(44 + 32000, Files.size(p));
        try (Stream<Path> left = Files.list(p.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void overwritesAnExistingFile() throws IOException {
        Path p = dir.resolve("clip.wav");
        WavFile.write(p, new short[] {1, 2, 3});
        WavFile.write(p, new short[] {4});
        assertArrayEquals(new short[] {4}, WavFile.read(p));
    }

    @Test
    void skipsListAndOddSizedChunksBeforeAndAfterData() throws IOException {
        byte[] bytes = new WavBytes().chunk("LIST", "INFOabc".getBytes()).fmt(1, 1, 16000, 16)
                .chunk("junk", new byte[] {9}).data16((short) 5, (short) -6).chunk("id3 ", new byte[3]).build();
        assertArrayEquals(new short[] {5, -6}, WavFile.read(file("list.wav", bytes)));
    }

    @Test
    void rejectsTruncatedDataChunk() throws IOException {
        byte[] full = new WavBytes().fmt(1, 1, 16000, 16).data16(new short[100]).build();
        String msg = readError(file("cut.wav", Arrays.copyOf(full, full.length - 50)));
        assertTrue(msg.contains("truncated data chunk"), msg);
    }

    @Test
    void rejectsFileCutInsideTheHeader() throws IOException {
        byte[] full = new WavBytes().fmt(1, 1, 16000, 16).data16(new short[100]).build();
        assertTrue(readError(file("h.wav", Arrays.copyOf(full, 8))).contains("truncated file"));
        assertTrue(readError(file("h2.wav", Arrays.copyOf(full, 30))).contains("truncated"));
        assertTrue(readError(file("h3.wav", Arrays.copyOf(full, 40))).contains("truncated"));
    }

    @Test
    void rejects8kHzNamingTheRate() throws IOException {
        String msg = readError(file("8k.wav", new WavBytes().fmt(1, 1, 8000, 16).data16(new short[8]).build()));
        assertTrue(msg.endsWith("sample rate is 8000 Hz, expected 16000 Hz"), msg);
    }

    @Test
    void rejectsStereo() throws IOException {
        String msg = readError(file("st.wav", new WavBytes().fmt(1, 2, 16000, 16).data16(new short[8]).build()));
        assertTrue(msg.endsWith("not mono (2 channels)"), msg);
    }

    @Test
    void rejectsOtherSampleSizesAndFloat() throws IOException {
        String msg8 = readError(file("b8.wav", new WavBytes().fmt(1, 1, 16000, 8).chunk("data", new byte[4]).build()));
        assertTrue(msg8.endsWith("not 16-bit (8 bits per sample)"), msg8);
        String msgF = readError(file("f.wav", new WavBytes().fmt(3, 1, 16000, 32).chunk("data", new byte[8]).build()));
        assertTrue(msgF.contains("not integer PCM"), msgF);
    }

    @Test
    void rejectsGarbage() throws IOException {
        byte[] garbage = new byte[1000];
        new java.util.Random(1).nextBytes(garbage);
        assertTrue(readError(file("g.wav", garbage)).endsWith("not a RIFF/WAVE file"));
        assertTrue(readError(file("empty.wav", new byte[0])).contains("truncated file"));
    }

    @Test
    void anyFormatReaderDownmixesStereoAndReportsTheRate() throws IOException {
        byte[] bytes = new WavBytes().fmt(1, 2, 22050, 16).data16((short) 100, (short) 300, (short) -10, (short) -20).build();
        PcmAudio a = WavFile.readAnyFormat(file("st.wav", bytes));
        assertEquals(22050, a.sampleRate());
        assertArrayEquals(new short[] {200, -15}, a.samples());
    }

    @Test
    void anyFormatReaderDecodes8And24BitAndFloat() throws IOException {
        PcmAudio u8 = WavFile.readAnyFormat(file("u8.wav",
                new WavBytes().fmt(1, 1, 8000, 8).chunk("data", new byte[] {(byte) 128, (byte) 255, 0}).build()));
        assertArrayEquals(new short[] {0, 127 * 256, -32768}, u8.samples());

        byte[] s24 = {0x00, 0x01, 0x00, /* 256 */ 0x00, 0x00, (byte) 0x80 /* min */};
        PcmAudio p24 = WavFile.readAnyFormat(file("s24.wav", new WavBytes().fmt(1, 1, 48000, 24).chunk("data", s24).build()));
        assertArrayEquals(new short[] {1, -32768}, p24.samples());

        byte[] f32 = WavBytes.le(12).putFloat(0.5f).putFloat(-2f).putFloat(0f).array();
        PcmAudio pf = WavFile.readAnyFormat(file("f32.wav", new WavBytes().fmt(3, 1, 44100, 32).chunk("data", f32).build()));
        assertArrayEquals(new short[] {16384, -32767, 0}, pf.samples());
    }

    @Test
    void anyFormatReaderStillRejectsTruncatedAndGarbage() throws IOException {
        byte[] full = new WavBytes().fmt(1, 2, 22050, 16).data16(new short[100]).build();
        Path cut = file("cut.wav", Arrays.copyOf(full, full.length - 1));
        assertThrows(AudioFormatException.class, () -> WavFile.readAnyFormat(cut));
        Path text = file("t.wav", "hello, this is not audio at all".getBytes());
        assertThrows(AudioFormatException.class, () -> WavFile.readAnyFormat(text));
    }
}
