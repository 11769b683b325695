package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class HarnessFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheInputFormat() throws IOException {
        Path file = dir.resolve("in.bin");
        HarnessFiles.writeInput(file, List.of(new byte[] {1, -2, 3}, new byte[] {4, 5, -128}), 3);
        byte[] expected = concat("HKIN".getBytes(StandardCharsets.US_ASCII), le32(1), le32(2), le32(3),
                new byte[] {1, -2, 3, 4, 5, -128});
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void rejectsClipsOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HarnessFiles.writeInput(dir.resolve("in.bin"), List.of(new byte[2]), 3));
        assertTrue(e.getMessage().contains("clip 0 has 2 feature values"), e.getMessage());
    }

    @Test
    void readsATrace() throws IOException {
        Path file = Files.write(dir.resolve("out.bin"), trace(2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        HarnessTrace trace = HarnessFiles.readTrace(file);
        assertEquals(List.of(new HarnessTrace.Layer("conv", 3), new HarnessTrace.Layer("probs", 1)), trace.layers());
        assertArrayEquals(new byte[] {1, 2, 3}, trace.get(0, 0));
        assertArrayEquals(new byte[] {8}, trace.output(1));
    }

    @Test
    void rejectsBrokenTraces() throws IOException {
        assertProblem(trace(2, new byte[7]), "truncated");
        assertProblem(trace(2, new byte[9]), "trailing bytes");
        byte[] badMagic = trace(1, new byte[4]);
        badMagic[0] = 'X';
        assertProblem(badMagic, "magic is not HKTR");
        byte[] badVersion = trace(1, new byte[4]);
        badVersion[4] = 2;
        assertProblem(badVersion, "version 2");
        assertProblem(Arrays.copyOf(trace(1, new byte[4]), 10), "truncated");
        FirmwareRunException missing = assertThrows(FirmwareRunException.class,
                () -> HarnessFiles.readTrace(dir.resolve("absent.bin")));
        assertTrue(missing.getMessage().contains("no output file"), missing.getMessage());
    }

    private void assertProblem(byte[] content, String problem) throws IOException {
        Path file = Files.write(dir.resolve("bad.bin"), content);
        FirmwareRunException e = assertThrows(FirmwareRunException.class, () -> HarnessFiles.readTrace(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** A trace with layers conv[3] and probs[1] and the given data. */
    private static byte[] trace(int clips, byte[] data) {
        return concat("HKTR".getBytes(StandardCharsets.US_ASCII), le32(1), le32(clips), le32(2),
                le32(3), new byte[] {4}, "conv".getBytes(StandardCharsets.US_ASCII),
                le32(1), new byte[] {5}, "probs".getBytes(StandardCharsets.US_ASCII), data);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
