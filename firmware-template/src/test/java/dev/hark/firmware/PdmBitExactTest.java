package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hark.firmware.FirmwareBuildSupport.ProcessResult;
import dev.hark.firmware.run.Target;
import dev.hark.sim.audio.PdmDecimator;
import dev.hark.sim.audio.PdmDecimator.BitOrder;
import dev.hark.sim.audio.PdmModulator;
import dev.hark.testing.Qemu;
import dev.hark.testing.Slow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The C PDM decimator (hark-audio, test/pdm_runner.c) gives the Java reference's PCM byte for byte: random bytes,
 * all zeros, all ones, alternating bits, and modulated tones (one loud enough to saturate), at every PDM clock, in
 * both bit orders, as bytes and as 16-bit words, pushed in chunks of random sizes, each push giving the same samples;
 * on the host and, built with the Arm toolchain (-Wall -Wextra -Wconversion -Wshadow -Werror), on every core QEMU emulates (the Cortex-M0
 * of the micro:bit stands for the RP2040's M0+).
 */
class PdmBitExactTest {
    private static final int UNIT_BYTES = 1;
    private static final int UNIT_WORDS = 2;

    /** One stream of the runner's input. */
    record Stream(String name, int decimation, BitOrder order, int gainQ8, int unit, int[] chunks, byte[] pdm) {
        /** The Java reference's PCM, pushed in the same chunks: what each push gives. */
        List<short[]> expected() {
            PdmDecimator decimator = new PdmDecimator(decimation, order, gainQ8);
            List<short[]> pushes = new ArrayList<>();
            int units = pdm.length / unit;
            for (int at = 0, chunk = 0; at < units; chunk = (chunk + 1) % chunks.length) {
                int size = Math.min(chunks[chunk], units - at);
                short[] out = new short[PdmDecimator.maxSamples(size * unit)];
                int made;
                if (unit == UNIT_BYTES) {
                    made = decimator.pushBytes(pdm, at, size, out, 0);
                } else {
                    short[] words = new short[size];
                    for (int i = 0; i < size; i++) {
                        words[i] = (short) ((pdm[2 * (at + i)] & 0xFF) | (pdm[2 * (at + i) + 1] & 0xFF) << 8);
                    }
                    made = decimator.pushWords(words, 0, size, out, 0);
                }
                pushes.add(Arrays.copyOf(out, made));
                at += size;
            }
            return pushes;
        }
    }

    @Test
    @Slow
    void theHostDecimatesAsTheJavaReference() throws IOException {
        decimatesAsTheJavaReference("host");
    }

    @ParameterizedTest
    @MethodSource("boards")
    @Qemu
    void everyEmulatedCoreDecimatesAsTheJavaReference(String board) throws IOException {
        decimatesAsTheJavaReference(board);
    }

    static List<String> boards() {
        return Target.boards().stream().map(Target::makeName).toList();
    }

    static List<Stream> streams() {
        Random random = new Random(20);
        List<Stream> streams = new ArrayList<>();
        streams.add(new Stream("random bytes", 64, BitOrder.MSB_FIRST, 256, UNIT_BYTES, chunks(random),
                randomBytes(random, 40_000)));
        streams.add(new Stream("random words at 256x gain", 128, BitOrder.LSB_FIRST, 65536, UNIT_WORDS, chunks(random),
                randomBytes(random, 40_000)));
        streams.add(new Stream("all zeros", 80, BitOrder.LSB_FIRST, 256, UNIT_BYTES, chunks(random), filled(30_000, 0)));
        streams.add(new Stream("all ones", 128, BitOrder.MSB_FIRST, 256, UNIT_WORDS, chunks(random),
                filled(30_000, 0xFF)));
        streams.add(new Stream("alternating", 64, BitOrder.MSB_FIRST, 65536, UNIT_BYTES, chunks(random),
                filled(20_000, 0x55)));
        streams.add(new Stream("alternating, other phase", 80, BitOrder.MSB_FIRST, 4096, UNIT_BYTES, chunks(random),
                filled(20_000, 0xAA)));
        for (int decimation : new int[] {64, 80, 128}) {
            for (BitOrder order : BitOrder.values()) {
                byte[] tone = new PdmModulator().modulate(PdmModulator.sine(1000, 0.5, decimation),
                        decimation * 2000 / 4, order);
                streams.add(new Stream("1 kHz at -6 dBFS, " + order, decimation, order, 256,
                        order == BitOrder.MSB_FIRST ? UNIT_WORDS : UNIT_BYTES, chunks(random), tone));
            }
        }
        streams.add(new Stream("7 kHz at -6 dBFS, 24 dB gain (saturates)", 64, BitOrder.MSB_FIRST, 4096, UNIT_BYTES,
                chunks(random), new PdmModulator().modulate(PdmModulator.sine(7000, 0.5, 64), 32_000,
                        BitOrder.MSB_FIRST)));
        return streams;
    }

    private static void decimatesAsTheJavaReference(String target) throws IOException {
        FirmwareBuildSupport.assumeToolchain(target);
        Path work = FirmwareBuildSupport.workDir("pdm-" + target);
        Path program = FirmwareBuildSupport.make(target, work.resolve("build"), "pdm-runner", "pdm_runner");
        List<Stream> streams = streams();
        Files.write(work.resolve("pdm_in.bin"), input(streams));

        ProcessResult result = FirmwareBuildSupport.run(work,
                FirmwareBuildSupport.command(target, program, "pdm_in.bin", "pdm_out.bin"));

        assertEquals(0, result.exitCode(), result::describe);
        ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(work.resolve("pdm_out.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        out.get(magic);
        assertEquals("HKPO", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, out.getInt());
        assertEquals(streams.size(), out.getInt());
        for (Stream stream : streams) {
            int sample = 0;
            List<short[]> pushes = stream.expected();
            for (int push = 0; push < pushes.size(); push++) {
                short[] expected = pushes.get(push);
                short[] actual = new short[out.getInt()];
                out.asShortBuffer().get(actual);
                out.position(out.position() + 2 * actual.length);
                int differs = Arrays.mismatch(expected, actual);
                if (differs >= 0) {
                    fail(target + ", stream '" + stream.name() + "': the C decimator differs from the Java reference at "
                            + "sample " + (sample + differs) + " (push " + push + ")"
                            + (differs < Math.min(expected.length, actual.length)
                                    ? ": Java " + expected[differs] + ", C " + actual[differs]
                                    : ": Java's push gives " + expected.length + " samples, C's " + actual.length));
                }
                sample += expected.length;
            }
        }
        assertEquals(0, out.remaining(), "bytes after the last stream");
    }

    private static byte[] input(List<Stream> streams) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("HKPD".getBytes(StandardCharsets.US_ASCII));
        writeInts(bytes, 1, streams.size());
        for (Stream s : streams) {
            writeInts(bytes, s.decimation(), s.order() == BitOrder.MSB_FIRST ? 0 : 1, s.gainQ8(), s.unit(),
                    s.pdm().length, s.chunks().length);
            writeInts(bytes, s.chunks());
            bytes.writeBytes(s.pdm());
        }
        return bytes.toByteArray();
    }

    private static void writeInts(ByteArrayOutputStream bytes, int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putInt(v);
        }
        bytes.writeBytes(buffer.array());
    }

    /** 1 to 64 chunk sizes up to 1024 units (the runner takes up to 2048 bytes a push): some of a unit or two. */
    private static int[] chunks(Random random) {
        int[] chunks = new int[1 + random.nextInt(64)];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = random.nextInt(6) == 0 ? 1 + random.nextInt(2) : 1 + random.nextInt(1024);
        }
        return chunks;
    }

    private static byte[] randomBytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] filled(int count, int value) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
