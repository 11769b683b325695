package dev.hark.trainer.train;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.Checksums;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint file format. Big-endian binary:
 *
 * <pre>
 *   "HARKCKPT"                     8 bytes magic
 *   int32 version                  {@value #VERSION}
 *   body                           settings, epochs done, sampler seed, parameters, Adam state, history, best
 *   SHA-256                        32 bytes over everything before it
 * </pre>
 *
 * Strings are {@link DataOutputStream#writeUTF} (length-prefixed modified UTF-8); float arrays are an int32
 * length followed by IEEE-754 bit patterns, so values round-trip exactly. Writing is atomic
 * ({@link AtomicFiles}: temporary file, fsync, rename), and reading verifies the checksum before parsing
 * anything, so a torn or bit-flipped file is reported instead of loaded.
 */
public final class CheckpointFile {
    static final int VERSION = 1;
    private static final byte[] MAGIC = "HARKCKPT".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = Checksums.SHA256_BYTES;

    private CheckpointFile() {
    }

    /** Writes {@code checkpoint} to {@code file} atomically, replacing an earlier file. */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        writeStrings(out, checkpoint.settings());
        out.writeInt(checkpoint.epochsDone());
        out.writeLong(checkpoint.samplerSeed());
        writeArrays(out, checkpoint.parameters());
        AdamState adam = checkpoint.optimizer();
        out.writeInt(adam.numUpdate());
        out.writeInt(adam.moments().size());
        for (Map.Entry<String, AdamState.Moments> e : adam.moments().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().updates());
            writeFloats(out, e.getValue().mean());
            writeFloats(out, e.getValue().variance());
        }
        out.writeInt(checkpoint.history().size());
        for (EpochStats s : checkpoint.history()) {
            out.writeInt(s.epoch());
            out.writeDouble(s.trainLoss());
            out.writeDouble(s.devLoss());
            out.writeDouble(s.devAccuracy());
            out.writeDouble(s.devAuFaFr());
            out.writeDouble(s.seconds());
        }
        out.writeInt(checkpoint.bestEpoch());
        writeArrays(out, checkpoint.bestParameters());
        out.flush();
        byte[] content = bytes.toByteArray();
        byte[] digest = Checksums.sha256(content, 0, content.length);
        byte[] withDigest = Arrays.copyOf(content, content.length + DIGEST_BYTES);
        System.arraycopy(digest, 0, withDigest, content.length, DIGEST_BYTES);
        AtomicFiles.write(file, withDigest);
    }

    /**
     * Reads and verifies a checkpoint.
     *
     * @throws CheckpointException if the file is truncated, fails its checksum, or is malformed
     * @throws IOException         if it cannot be read
     */
    public static Checkpoint read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 4 + DIGEST_BYTES) {
            throw new CheckpointException(file, "truncated checkpoint (" + all.length + " bytes)");
        }
        if (!Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException(file, "not a hark checkpoint (bad magic)");
        }
        int bodyEnd = all.length - DIGEST_BYTES;
        byte[] expected = Arrays.copyOfRange(all, bodyEnd, all.length);
        byte[] actual = Checksums.sha256(all, 0, bodyEnd);
        if (!Arrays.equals(expected, actual)) {
            throw new CheckpointException(file, "SHA-256 mismatch (stored " + HexFormat.of().formatHex(expected, 0, 8)
                    + "..., computed " + HexFormat.of().formatHex(actual, 0, 8)
                    + "...): the checkpoint is corrupted or half-written and was not loaded");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, bodyEnd - MAGIC.length));
        try {
            int version = in.readInt();
            if (version != VERSION) {
                throw new CheckpointException(file, "checkpoint version " + version + ", this hark reads " + VERSION);
            }
            Map<String, String> settings = readStrings(in);
            int epochsDone = in.readInt();
            long samplerSeed = in.readLong();
            Map<String, float[]> parameters = readArrays(in);
            int numUpdate = in.readInt();
            int n = count(in);
            Map<String, AdamState.Moments> moments = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int updates = in.readInt();
                moments.put(name, new AdamState.Moments(updates, readFloats(in), readFloats(in)));
            }
            int epochs = count(in);
            List<EpochStats> history = new ArrayList<>();
            for (int i = 0; i < epochs; i++) {
                history.add(new EpochStats(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble()));
            }
            int bestEpoch = in.readInt();
            Map<String, float[]> best = readArrays(in);
            if (in.available() != 0) {
                throw new CheckpointException(file, in.available() + " unexpected bytes after the content");
            }
            return new Checkpoint(settings, epochsDone, samplerSeed, parameters, new AdamState(numUpdate, moments),
                    history, bestEpoch, best);
        } catch (EOFException e) {
            throw new CheckpointException(file, "malformed checkpoint: content ends early");
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, "malformed checkpoint: " + e.getMessage());
        }
    }

    private static void writeStrings(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }

    private static void writeArrays(DataOutputStream out, Map<String, float[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, float[]> e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            writeFloats(out, e.getValue());
        }
    }

    private static Map<String, float[]> readArrays(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            arrays.put(in.readUTF(), readFloats(in));
        }
        return arrays;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeInt(Float.floatToRawIntBits(v));
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = count(in);
        if (n > in.available() / 4) {
            throw new EOFException();
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = Float.intBitsToFloat(in.readInt());
        }
        return values;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        return n;
    }
}
