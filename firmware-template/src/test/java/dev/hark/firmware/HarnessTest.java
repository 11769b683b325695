package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareBuildSupport.ProcessResult;
import dev.hark.testing.Qemu;
import dev.hark.testing.Slow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The harness (harness/hark_harness_main.c) linked with the stand-in network of test/fake-network: file formats,
 * error handling, and identical traces on the host and under QEMU.
 */
class HarnessTest {

    private static final int INPUT_SIZE = 12;
    private static final List<String> LAYER_NAMES = List.of("gru", "fc", "softmax");
    private static final List<Integer> LAYER_SIZES = List.of(16, 3, 3);
    private static final Map<String, Path> HARNESS = new HashMap<>();

    private static synchronized Path harness(String target) {
        FirmwareBuildSupport.assumeToolchain(target);
        return HARNESS.computeIfAbsent(target, t -> FirmwareBuildSupport.make(t,
                FirmwareBuildSupport.workDir("harness-build-" + t).resolve("build"), "harness", "hark_harness",
                "GENERATED_DIR=" + FirmwareBuildSupport.extractedTemplate().resolve("test/fake-network")));
    }

    private static byte[] input(int clips, int inputSize, int featureBytes, long seed) {
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.put("HKIN".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(clips).putInt(inputSize);
        byte[] features = new byte[featureBytes];
        new Random(seed).nextBytes(features);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(features);
        return out.toByteArray();
    }

    private static byte[] validInput(int clips) {
        return input(clips, INPUT_SIZE, clips * INPUT_SIZE, 42);
    }

    private static ProcessResult runHarness(String target, Path dir, String... arguments) {
        return FirmwareBuildSupport.run(dir, FirmwareBuildSupport.command(harness(target), arguments));
    }

    /** The harness built with gcc and run on the host. */
    @Nested
    @Slow
    class OnTheHost extends Checks {
        OnTheHost() {
            super("host");
        }
    }

    /** The harness built for the board and run under QEMU. */
    @Nested
    @Qemu
    class UnderQemu extends Checks {
        UnderQemu() {
            super(FirmwareBuildSupport.BOARD);
        }
    }

    @Test
    @Qemu
    void hostAndQemuTracesAreIdentical() throws IOException {
        Path host = FirmwareBuildSupport.workDir("harness-compare-host");
        Path board = FirmwareBuildSupport.workDir("harness-compare-board");
        byte[] input = validInput(8);
        Files.write(host.resolve("in.bin"), input);
        Files.write(board.resolve("in.bin"), input);

        assertEquals(0, runHarness("host", host, "in.bin", "out.bin").exitCode());
        ProcessResult emulated = runHarness(FirmwareBuildSupport.BOARD, board, "in.bin", "out.bin");
        assertEquals(0, emulated.exitCode(), emulated::describe);

        assertArrayEquals(Files.readAllBytes(host.resolve("out.bin")), Files.readAllBytes(board.resolve("out.bin")));
    }

    /** What the harness must do on every target. */
    abstract static class Checks {
        private final String target;

        Checks(String target) {
            this.target = target;
        }

        @Test
        void writesEveryTracedLayerOfEveryClip() throws IOException {
            Path dir = FirmwareBuildSupport.workDir("harness-" + target + "-valid");
            Files.write(dir.resolve("in.bin"), validInput(3));

            ProcessResult result = runHarness(target, dir, "in.bin", "out.bin");

            assertEquals(0, result.exitCode(), result::describe);
            ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("out.bin"))).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[4];
            out.get(magic);
            assertEquals("HKTR", new String(magic, StandardCharsets.US_ASCII));
            assertEquals(1, out.getInt(), "version");
            assertEquals(3, out.getInt(), "clip count");
            assertEquals(3, out.getInt(), "layer count");
            for (int layer = 0; layer < 3; layer++) {
                assertEquals(LAYER_SIZES.get(layer), out.getInt(), "size of layer " + layer);
                byte[] name = new byte[out.get() & 0xFF];
                out.get(name);
                assertEquals(LAYER_NAMES.get(layer), new String(name, StandardCharsets.US_ASCII));
            }
            assertEquals(3 * (16 + 3 + 3), out.remaining(), "trace bytes");
            for (int clip = 0; clip < 3; clip++) {
                out.position(out.position() + 16 + 3);
                int probabilitySum = 0;
                for (int k = 0; k < 3; k++) {
                    probabilitySum += out.get() + 128;
                }
                // Softmax output has scale 1/256: the three probabilities add up to 1 up to rounding.
                assertTrue(Math.abs(probabilitySum - 256) <= 3, "clip " + clip + " probabilities sum "
                        + probabilitySum);
            }
            assertFalse(Files.exists(dir.resolve("out.bin.tmp")), "temporary file left behind");
        }

        @Test
        void withoutArgumentsUsesTheDefaultFileNames() throws IOException {
            Path dir = FirmwareBuildSupport.workDir("harness-" + target + "-defaults");
            Files.write(dir.resolve("hark_in.bin"), validInput(1));

            ProcessResult result = runHarness(target, dir);

            assertEquals(0, result.exitCode(), result::describe);
            assertTrue(Files.size(dir.resolve("hark_out.bin")) > 16);
        }

        @Test
        void rejectsBadInputWithoutTouchingTheOutput() throws IOException {
            Map<String, byte[]> badInputs = Map.of(
                    "bad magic", "HKXX\1\0\0\0\1\0\0\0\14\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                    "input size", input(1, INPUT_SIZE + 1, INPUT_SIZE + 1, 1),
                    "truncated", input(2, INPUT_SIZE, INPUT_SIZE + 5, 1),
                    "trailing bytes", input(1, INPUT_SIZE, INPUT_SIZE + 1, 1));
            for (Map.Entry<String, byte[]> bad : badInputs.entrySet()) {
                Path dir = FirmwareBuildSupport.workDir("harness-" + target + "-bad");
                Files.write(dir.resolve("in.bin"), bad.getValue());
                Files.writeString(dir.resolve("out.bin"), "previous");

                ProcessResult result = runHarness(target, dir, "in.bin", "out.bin");

                assertNotEquals(0, result.exitCode(), bad.getKey());
                String message = result.stderr().strip();
                assertTrue(message.startsWith("hark_harness: in.bin: ") && !message.contains("\n"),
                        bad.getKey() + ": one line naming the file expected, got: " + result.stderr());
                assertEquals("previous", Files.readString(dir.resolve("out.bin")), bad.getKey());
                assertFalse(Files.exists(dir.resolve("out.bin.tmp")), bad.getKey() + ": temporary file left behind");
            }
        }

        @Test
        void reportsAMissingInputFile() {
            Path dir = FirmwareBuildSupport.workDir("harness-" + target + "-missing");

            ProcessResult result = runHarness(target, dir, "absent.bin", "out.bin");

            assertNotEquals(0, result.exitCode());
            assertEquals("hark_harness: absent.bin: cannot open", result.stderr().strip());
        }
    }
}
