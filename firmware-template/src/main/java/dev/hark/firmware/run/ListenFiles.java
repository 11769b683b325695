package dev.hark.firmware.run;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.listen.KeywordEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The listening harness's file formats (all integers little-endian), defined by {@code harness/hark_listen_main.c}:
 * <pre>
 * input  "HKLS", u32 version 1, u32 sample count, u32 chunk count, the chunk sizes as u32, u32 smoothing steps,
 *        u32 threshold, u32 refractory steps, the samples as int16
 * output "HKLT", u32 version 1, u32 mel bins, the layer table, then records in the order they happened:
 *        'F' + mel bins codes (a frame), 'S' + every traced layer (a step),
 *        'E' + u32 step, u32 sample low, u32 sample high, u32 score (a detection),
 *        and last 'Z' + u32 frames, u32 steps, u32 detections
 * </pre>
 */
public final class ListenFiles {
    static final byte[] INPUT_MAGIC = "HKLS".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OUTPUT_MAGIC = "HKLT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** The input's limits in the harness (MAX_CHUNKS, MAX_CHUNK_SIZE); its sample buffer may be smaller, see there. */
    public static final int MAX_CHUNKS = 64;
    public static final int MAX_CHUNK_SAMPLES = 160_000;

    private ListenFiles() {
    }

    /**
     * Writes an input file atomically.
     *
     * @param chunkSizes the audio goes to {@code hark_kws_process} in chunks of these sizes, repeated
     * @throws IllegalArgumentException if the chunk sizes are outside the harness's limits
     */
    public static void writeInput(Path file, short[] samples, int[] chunkSizes, DetectionSettings settings)
            throws IOException {
        if (chunkSizes.length < 1 || chunkSizes.length > MAX_CHUNKS
                || Arrays.stream(chunkSizes).anyMatch(c -> c < 1 || c > MAX_CHUNK_SAMPLES)) {
            throw new IllegalArgumentException("1 to " + MAX_CHUNKS + " chunk sizes of 1 to " + MAX_CHUNK_SAMPLES
                    + " samples, got " + Arrays.toString(chunkSizes));
        }
        ByteBuffer out = OutputFile.littleEndian(4 + 4 * (6 + chunkSizes.length) + 2 * samples.length);
        out.put(INPUT_MAGIC).putInt(VERSION).putInt(samples.length).putInt(chunkSizes.length);
        for (int size : chunkSizes) {
            out.putInt(size);
        }
        out.putInt(settings.smoothingSteps()).putInt(settings.threshold()).putInt(settings.refractorySteps());
        for (short s : samples) {
            out.putShort(s);
        }
        AtomicFiles.write(file, out.array());
    }

    /**
     * Reads and validates an output file.
     *
     * @throws FirmwareRunException naming the file and the problem: missing, bad magic or version, an unknown
     *                              record, truncated, trailing bytes, or a trailer that disagrees with the records
     */
    public static ListenTrace readOutput(Path file) throws IOException {
        return OutputFile.read(file, "the listening harness", OUTPUT_MAGIC, VERSION, in -> {
            int melBins = in.getInt();
            List<HarnessTrace.Layer> layers = HarnessFiles.readLayerTable(in, file);
            List<byte[]> frames = new ArrayList<>();
            List<List<byte[]>> steps = new ArrayList<>();
            List<KeywordEvent> events = new ArrayList<>();
            while (true) {
                byte tag = in.get();
                switch (tag) {
                    case 'F' -> frames.add(HarnessFiles.take(in, melBins));
                    case 'S' -> steps.add(HarnessFiles.readRun(in, layers));
                    case 'E' -> events.add(new KeywordEvent(Integer.toUnsignedLong(in.getInt()),
                            Integer.toUnsignedLong(in.getInt()) | (Integer.toUnsignedLong(in.getInt()) << 32),
                            in.getInt()));
                    case 'Z' -> {
                        long[] counts = {in.getInt(), in.getInt(), in.getInt()};
                        if (counts[0] != frames.size() || counts[1] != steps.size() || counts[2] != events.size()
                                || in.hasRemaining()) {
                            throw new FirmwareRunException(file + ": the trailer counts " + Arrays.toString(counts)
                                    + " frames, steps and detections, the records " + frames.size() + ", "
                                    + steps.size() + ", " + events.size()
                                    + (in.hasRemaining() ? ", and bytes follow it" : ""));
                        }
                        return new ListenTrace(layers, frames, steps, events);
                    }
                    default -> throw new FirmwareRunException(file + ": unknown record '" + (char) tag
                            + "' at byte " + (in.position() - 1));
                }
            }
        });
    }
}
