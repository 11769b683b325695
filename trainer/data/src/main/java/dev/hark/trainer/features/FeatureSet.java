package dev.hark.trainer.features;

import dev.hark.sim.audio.AudioReading;
import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.Checksums;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.ProgressCount;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.train.Example;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The int8 features of a list of clips, computed once by the integer front end and cached on disk so that
 * training, calibration, evaluation and verification all see the very same bytes.
 *
 * <p>Cache file: magic {@code HKFEAT01}, then a {@link DataOutputStream} body (count, feature length, and per clip
 * id, word, speaker, label, features), then a SHA-256 of the body; written atomically, verified on read.
 */
public final class FeatureSet {
    private static final byte[] MAGIC = "HKFEAT01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The folder of a workspace that holds the cache file of each split. */
    private static final String WORKSPACE_FOLDER = "features";

    private final List<LabelledFeatures> items;

    /**
     * The cache file of {@code split}'s features in the pipeline's workspace {@code workspace}, which the pipeline
     * writes and the Maven plugin's verify goal reads.
     */
    public static Path inWorkspace(Path workspace, Split split) {
        return workspace.resolve(WORKSPACE_FOLDER).resolve(split.name().toLowerCase(Locale.ROOT) + ".bin");
    }

    public FeatureSet(List<LabelledFeatures> items) {
        this.items = List.copyOf(items);
    }

    /**
     * Reads every clip and runs the front end on it, in parallel; order follows {@code clips}.
     *
     * @param root    the data folder, to make ids relative
     * @param keyword the word labelled 1
     */
    public static FeatureSet compute(List<ClipFile> clips, Path root, String keyword, String phase,
                                     ProgressListener progress) throws IOException {
        return compute(clips, root, keyword, phase, progress, AudioReading.STRICT);
    }

    /** As {@link #compute(List, Path, String, String, ProgressListener)}, the clips read as {@code reading} says. */
    public static FeatureSet compute(List<ClipFile> clips, Path root, String keyword, String phase,
                                     ProgressListener progress, AudioReading reading) throws IOException {
        LabelledFeatures[] out = new LabelledFeatures[clips.size()];
        ProgressCount count = ProgressCount.start(progress, phase, clips.size());
        try {
            IntStream.range(0, clips.size()).parallel().forEach(i -> {
                ClipFile clip = clips.get(i);
                try {
                    short[] samples = clip.load(reading).samples();
                    byte[] features = new LogMelFrontend().compute(samples);
                    String id = root.relativize(clip.source()).toString();
                    out[i] = new LabelledFeatures(id, clip.word(), clip.speaker(),
                            clip.word().equals(keyword) ? 1 : 0, features);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count.oneDone();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new FeatureSet(Arrays.asList(out));
    }

    public List<LabelledFeatures> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public int positives() {
        return (int) items.stream().filter(f -> f.label() == 1).count();
    }

    public List<Example> examples() {
        List<Example> examples = new ArrayList<>(items.size());
        for (LabelledFeatures f : items) {
            examples.add(f.example());
        }
        return examples;
    }

    /** The first {@code n} items (all when fewer). */
    public FeatureSet head(int n) {
        return new FeatureSet(items.subList(0, Math.min(n, items.size())));
    }

    public void write(Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(items.size());
            out.writeInt(items.isEmpty() ? 0 : items.get(0).features().length);
            for (LabelledFeatures f : items) {
                out.writeUTF(f.id());
                out.writeUTF(f.word());
                out.writeUTF(f.speaker());
                out.writeByte(f.label());
                out.write(f.features());
            }
        }
        byte[] bytes = body.toByteArray();
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(bytes);
            out.write(Checksums.sha256(bytes, 0, bytes.length));
        });
    }

    /** Reads a cache file; a truncated or corrupted file is an {@link IOException} naming it, never loaded. */
    public static FeatureSet read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int body = all.length - Checksums.SHA256_BYTES;
        if (all.length < MAGIC.length + Checksums.SHA256_BYTES || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(file + ": not a hark feature cache");
        }
        if (!Arrays.equals(Checksums.sha256(all, MAGIC.length, body - MAGIC.length), 0, Checksums.SHA256_BYTES, all, body, all.length)) {
            throw new IOException(file + ": checksum mismatch: the feature cache is corrupted or truncated");
        }
        try (DataInputStream in = new DataInputStream(
                new java.io.ByteArrayInputStream(all, MAGIC.length, body - MAGIC.length))) {
            int count = in.readInt();
            int length = in.readInt();
            List<LabelledFeatures> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                String word = in.readUTF();
                String speaker = in.readUTF();
                int label = in.readByte();
                byte[] features = new byte[length];
                in.readFully(features);
                items.add(new LabelledFeatures(id, word, speaker, label, features));
            }
            return new FeatureSet(items);
        }
    }
}
