package dev.hark.sim.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.testing.Fuzzer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The WAV parser on mutated files ({@link Fuzzer}): both readers either return audio or throw an
 * {@link AudioFormatException} naming the file, in one line; nothing else, whatever the header claims. The timeout
 * only catches a hang; the default run takes a few seconds.
 */
@Fast
class WavFileFuzzTest {
    private static final Path FILE = Path.of("fuzzed.wav");
    /** The RIFF size and, in the canonical 44-byte header, the fmt chunk's size and the data chunk's size. */
    private static final int[] SIZE_FIELDS = {4, 16, 40};

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mutatedWavsAreReadOrRejectedWithAFormatError() {
        Fuzzer fuzzer = new Fuzzer(seeds(), SIZE_FIELDS, List.of((bytes, random) -> bytes));
        Fuzzer.Report report = fuzzer.run("WAV parser", 1, Fuzzer.executions(20_000), bytes -> {
            try {
                WavFile.decode(FILE, bytes);
            } catch (AudioFormatException e) {
                requireOneLineNamingTheFile(e);
            }
            try {
                WavFile.decodeAnyFormat(FILE, bytes);
            } catch (AudioFormatException e) {
                requireOneLineNamingTheFile(e);
                throw e;
            }
        }, AudioFormatException.class);
        System.out.println(report.summary());
        assertTrue(report.failures().isEmpty(), report.describe());
    }

    private static void requireOneLineNamingTheFile(AudioFormatException e) {
        if (!e.getMessage().startsWith(FILE + ": ") || e.getMessage().contains("\n")) {
            throw new IllegalStateException("not one line naming the file: " + e.getMessage());
        }
    }

    /** Valid files of every layout the readers take: canonical, with extra chunks, extensible, 8-bit stereo, float. */
    private static List<byte[]> seeds() {
        short[] tone = new short[400];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(i * 0.2));
        }
        ByteBuffer extensible = WavBytes.le(40).putShort((short) 0xFFFE).putShort((short) 1).putInt(16000)
                .putInt(32000).putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16)
                .putInt(4).putShort((short) WavHeader.FORMAT_PCM);
        ByteBuffer floats = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 100; i++) {
            floats.putFloat((float) Math.sin(i * 0.3));
        }
        byte[] eightBitStereo = new byte[200];
        for (int i = 0; i < eightBitStereo.length; i++) {
            eightBitStereo[i] = (byte) (128 + 100 * Math.sin(i * 0.1));
        }
        return List.of(
                WavFile.encode(new PcmAudio(tone, 16000)),
                new WavBytes().chunk("LIST", "INFOabc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .fmt(1, 1, 16000, 16).chunk("fact", new byte[4]).data16(tone).build(),
                new WavBytes().chunk("fmt ", extensible.array()).data16(tone).build(),
                new WavBytes().fmt(1, 2, 8000, 8).chunk("data", eightBitStereo).build(),
                new WavBytes().fmt(3, 1, 44100, 32).chunk("data", floats.array()).build());
    }
}
