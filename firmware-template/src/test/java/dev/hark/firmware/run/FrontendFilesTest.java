package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class FrontendFilesTest {
    @TempDir
    Path dir;

    @Test
    void inputHoldsTheHeaderThenPerClipCountsChunkSizesAndSamples() throws IOException {
        Path file = dir.resolve("in.bin");
        FrontendFiles.writeInput(file, List.of(new PcmClip("a", new short[] {1, -2, Short.MIN_VALUE},
                new int[] {1, 160})));
        ByteBuffer expected = le(12 + 8 + 8 + 6).put("HKPC".getBytes()).putInt(1).putInt(1).putInt(3).putInt(2)
                .putInt(1).putInt(160).putShort((short) 1).putShort((short) -2).putShort(Short.MIN_VALUE);
        assertArrayEquals(expected.array(), Files.readAllBytes(file));
    }

    @Test
    void outputReadsBackFramesAndTheirPoints() throws IOException {
        byte[] frame = new byte[40];
        Arrays.fill(frame, (byte) -7);
        ByteBuffer out = header(1).putInt(2).putInt(200).put(frame).putInt(-1).put(frame);
        Path file = write(out);
        List<StreamedClip> clips = FrontendFiles.readOutput(file);
        assertEquals(1, clips.size());
        assertArrayEquals(new long[] {200, StreamedClip.FROM_FINISH}, clips.get(0).emittedAfter());
        byte[] both = new byte[80];
        Arrays.fill(both, (byte) -7);
        assertArrayEquals(both, clips.get(0).features());
    }

    @Test
    void malformedOutputIsRefusedNamingTheFile() throws IOException {
        assertRefused(dir.resolve("absent.bin"), "no output file");
        assertRefused(write(le(16).put("HKTR".getBytes()).putInt(1).putInt(0).putInt(40)), "magic is not HKFE");
        assertRefused(write(le(16).put("HKFE".getBytes()).putInt(2).putInt(0).putInt(40)), "format version 2");
        assertRefused(write(le(16).put("HKFE".getBytes()).putInt(1).putInt(0).putInt(32)), "32 mel bins");
        assertRefused(write(header(1).putInt(1).putInt(200)), "claims 1 frames");
        assertRefused(write(header(2).putInt(0)), "truncated");
        assertRefused(write(header(0).putInt(0)), "4 trailing bytes");
    }

    private void assertRefused(Path file, String problem) {
        FirmwareRunException e = assertThrows(FirmwareRunException.class, () -> FrontendFiles.readOutput(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(problem), e.getMessage());
    }

    /** A header for {@code clips} clips, with room for 200 more bytes. */
    private static ByteBuffer header(int clips) {
        return le(216).put("HKFE".getBytes()).putInt(1).putInt(clips).putInt(40);
    }

    private Path write(ByteBuffer content) throws IOException {
        Path file = Files.createTempFile(dir, "out", ".bin");
        Files.write(file, Arrays.copyOf(content.array(), content.position()));
        return file;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
