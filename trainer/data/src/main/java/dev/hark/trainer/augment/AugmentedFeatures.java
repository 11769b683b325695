package dev.hark.trainer.augment;

import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Dataset;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.train.TrainingFeatures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Training clips whose features are recomputed each epoch from augmented audio: the audio (16-bit, one second,
 * about 32 KB a clip) is held in memory, and {@link #features(int, int)} runs the {@link Augmenter} and the
 * integer {@link LogMelFrontend} on it. Nothing is cached; the cost per call is one front end (about 2.6 ms)
 * plus the augmentation (see docs/benchmark.md for measured figures).
 *
 * <p>Deterministic in {@code (seed, index, epoch)} and thread-safe: the audio is never modified, the augmenter
 * is immutable, and each thread gets its own front end.
 */
public final class AugmentedFeatures implements TrainingFeatures {
    private final List<short[]> audio;
    private final int[] labels;
    private final Augmenter augmenter;
    private final ThreadLocal<LogMelFrontend> frontends = ThreadLocal.withInitial(LogMelFrontend::new);

    /**
     * @param audio  one clip per entry, each non-empty (normally 16000 samples); not copied, must not change
     * @param labels class per clip, 1 = keyword, 0 = other
     * @throws IllegalArgumentException if the sizes differ, a clip is empty or a label is negative
     */
    public AugmentedFeatures(List<short[]> audio, int[] labels, Augmenter augmenter) {
        if (audio.size() != labels.length) {
            throw new IllegalArgumentException("augmented features: " + audio.size() + " clips but " + labels.length
                    + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || audio.get(i).length == 0) {
                throw new IllegalArgumentException("augmented features: clip " + i + " is empty or has label "
                        + labels[i]);
            }
        }
        this.audio = List.copyOf(audio);
        this.labels = labels.clone();
        this.augmenter = Objects.requireNonNull(augmenter, "augmenter");
    }

    /** In-memory clips, labelled 1 exactly when their word is {@code keyword}. */
    public static AugmentedFeatures of(List<Clip> clips, String keyword, Augmenter augmenter) {
        List<short[]> audio = new ArrayList<>(clips.size());
        int[] labels = new int[clips.size()];
        for (int i = 0; i < clips.size(); i++) {
            audio.add(clips.get(i).samples());
            labels[i] = clips.get(i).word().equals(keyword) ? 1 : 0;
        }
        return new AugmentedFeatures(audio, labels, augmenter);
    }

    /**
     * Reads {@code files} (in parallel, order kept) and appends {@code extra} in-memory clips (e.g.
     * {@link NoiseNegatives}).
     *
     * @throws IOException if a file cannot be read or is not 16 kHz mono 16-bit WAV (the message names it)
     */
    public static AugmentedFeatures load(List<ClipFile> files, List<Clip> extra, String keyword, Augmenter augmenter)
            throws IOException {
        Clip[] loaded = new Clip[files.size()];
        try {
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                try {
                    loaded[i] = files.get(i).load();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Clip> all = new ArrayList<>(List.of(loaded));
        all.addAll(extra);
        return of(all, keyword, augmenter);
    }

    /**
     * The TRAIN split of {@code dataset}, augmented with noise from the TRAIN portion ({@link NoisePartition}) of
     * {@code backgroundNoise}. Works for the real data and the synthetic corpus alike, e.g.
     * {@code forTraining(Dataset.of(folder, kw), folder.loadBackgroundNoise(), config, seed)}; the real-data
     * benchmark adds its noise negatives through {@link BenchmarkData#trainingFeatures}.
     */
    public static AugmentedFeatures forTraining(Dataset dataset, List<NoiseRecording> backgroundNoise,
                                                AugmentationConfig config, long seed) throws IOException {
        Augmenter augmenter = new Augmenter(config, NoisePartition.bank(backgroundNoise, Split.TRAIN), seed);
        return load(dataset.clips(Split.TRAIN), List.of(), dataset.keyword(), augmenter);
    }

    public Augmenter augmenter() {
        return augmenter;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    /**
     * Int8 features {@code [101 frames][40 mels]} (for one-second clips) of clip {@code index} augmented as in
     * {@code epoch}.
     *
     * @throws IndexOutOfBoundsException if index is out of range
     * @throws IllegalArgumentException  if epoch is negative
     */
    @Override
    public byte[] features(int index, int epoch) {
        return frontends.get().compute(audio(index, epoch));
    }

    /** The augmented audio behind {@link #features(int, int)}. */
    public short[] audio(int index, int epoch) {
        return augmenter.augment(audio.get(index), index, epoch);
    }

    /** Features of the clip as recorded, without augmentation. */
    public byte[] cleanFeatures(int index) {
        return frontends.get().compute(audio.get(index));
    }
}
