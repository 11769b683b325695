package dev.hark.firmware.run;

import dev.hark.sim.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's file formats (all integers little-endian), defined by {@code harness/hark_harness_main.c}:
 * <pre>
 * input  "HKIN", u32 version 1, u32 record count, u32 record size, then record count x record size int8 features
 * output "HKTR", u32 version 1, u32 run count, u32 layer count,
 *        per layer: u32 size, u8 name length, name bytes (UTF-8, no terminator),
 *        then per run, per layer in index order: size bytes
 * </pre>
 * A record is a clip, or for a streaming network a feature frame; a run is a clip, or a step of the stream.
 * <pre>
 * </pre>
 * Nothing may follow the data in either file.
 */
public final class HarnessFiles {
    static final byte[] INPUT_MAGIC = "HKIN".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TRACE_MAGIC = "HKTR".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private HarnessFiles() {
    }

    /**
     * Writes an input file atomically.
     *
     * @param clips feature clips, all of the same size
     * @throws IllegalArgumentException if the clips differ in size
     */
    public static void writeInput(Path file, List<byte[]> clips, int inputSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(INPUT_MAGIC);
        out.writeBytes(le32(VERSION));
        out.writeBytes(le32(clips.size()));
        out.writeBytes(le32(inputSize));
        for (int c = 0; c < clips.size(); c++) {
            if (clips.get(c).length != inputSize) {
                throw new IllegalArgumentException("clip " + c + " has " + clips.get(c).length
                        + " feature values, the network takes " + inputSize);
            }
            out.writeBytes(clips.get(c));
        }
        AtomicFiles.write(file, out.toByteArray());
    }

    /**
     * Reads and validates a trace file.
     *
     * @throws FirmwareRunException naming the file and the problem: missing, bad magic or version, truncated,
     *                              trailing bytes, or an impossible count
     */
    public static HarnessTrace readTrace(Path file) throws IOException {
        return OutputFile.read(file, "the harness", TRACE_MAGIC, VERSION, in -> {
            long clipCount = Integer.toUnsignedLong(in.getInt());
            List<HarnessTrace.Layer> layers = readLayerTable(in, file);
            long bytesPerClip = layers.stream().mapToLong(HarnessTrace.Layer::size).sum();
            if (clipCount * bytesPerClip != in.remaining()) {
                throw new FirmwareRunException(file + ": " + in.remaining() + " data bytes, but " + clipCount
                        + " clips of " + bytesPerClip + " bytes need " + clipCount * bytesPerClip
                        + (clipCount * bytesPerClip > in.remaining() ? " (truncated)" : " (trailing bytes)"));
            }
            List<List<byte[]>> clips = new ArrayList<>();
            for (long c = 0; c < clipCount; c++) {
                clips.add(readRun(in, layers));
            }
            return new HarnessTrace(layers, clips);
        });
    }

    /** One run's data: every layer's bytes, in index order. */
    static List<byte[]> readRun(ByteBuffer in, List<HarnessTrace.Layer> layers) {
        List<byte[]> run = new ArrayList<>();
        for (HarnessTrace.Layer layer : layers) {
            run.add(take(in, layer.size()));
        }
        return run;
    }

    /** The next {@code size} bytes of {@code in}. */
    static byte[] take(ByteBuffer in, int size) {
        byte[] data = new byte[size];
        in.get(data);
        return data;
    }

    /**
     * The layer table {@code hark_trace_output_write_table} writes: u32 count, then per layer u32 size, u8 name
     * length and the name.
     *
     * @throws FirmwareRunException naming the file, for a count or a size the file cannot hold
     * @throws java.nio.BufferUnderflowException if the table is truncated
     */
    static List<HarnessTrace.Layer> readLayerTable(ByteBuffer in, Path file) throws FirmwareRunException {
        long layerCount = Integer.toUnsignedLong(in.getInt());
        if (layerCount > in.remaining() / 5) {
            throw new FirmwareRunException(file + ": layer count " + layerCount + " exceeds the file");
        }
        List<HarnessTrace.Layer> layers = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            long size = Integer.toUnsignedLong(in.getInt());
            byte[] name = new byte[in.get() & 0xFF];
            in.get(name);
            if (size > Integer.MAX_VALUE) {
                throw new FirmwareRunException(file + ": layer " + l + " claims " + size + " bytes");
            }
            layers.add(new HarnessTrace.Layer(new String(name, StandardCharsets.UTF_8), (int) size));
        }
        return layers;
    }

    private static byte[] le32(int value) {
        return OutputFile.littleEndian(4).putInt(value).array();
    }
}
