package dev.hark.trainer.augment;

import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Dataset;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.SpeakerSplit;
import dev.hark.trainer.data.SpeechCommandsFolder;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The data of a keyword benchmark, split three ways (docs/benchmark.md): every word clip of a Speech Commands
 * folder, by speaker with {@link SpeakerSplit#defaultSplit()}, positive exactly for the keyword; optionally
 * plus {@link NoiseNegatives} cut from each split's own time portion of {@code _background_noise_}.
 * {@code _silence_} is never used (its clips are excerpts of the same noise recordings).
 *
 * <p>{@link #realSpeech(Path)} is the fixed real-data benchmark: keyword {@value #REAL_KEYWORD} with noise
 * negatives. For the synthetic corpus use {@code of(folder, keyword, false)}: it already holds noise-only clips
 * (word {@code noise}), and its {@code _background_noise_} still feeds augmentation.
 *
 * @param folder          the Speech Commands folder
 * @param dataset         its word clips, labelled for the keyword and split by speaker
 * @param backgroundNoise the whole background recordings (for a long negative stream use
 *                        {@link NoisePartition#portions})
 * @param noiseNegatives  whether each split also holds noise negatives cut from its portion of the recordings
 */
public record BenchmarkData(SpeechCommandsFolder folder, Dataset dataset, List<NoiseRecording> backgroundNoise,
                            boolean noiseNegatives) {
    /** The real-data benchmark's keyword. */
    public static final String REAL_KEYWORD = "stop";

    public BenchmarkData {
        backgroundNoise = List.copyOf(backgroundNoise);
    }

    /**
     * The real-data benchmark: {@code root} is a Speech Commands folder (e.g. ../shared/data/speech-commands),
     * keyword {@value #REAL_KEYWORD}, noise negatives on.
     *
     * @throws IOException if the folder cannot be listed or a noise recording read (the message names it), or
     *                     the folder has no {@code _background_noise_} recordings
     */
    public static BenchmarkData realSpeech(Path root) throws IOException {
        BenchmarkData b = of(SpeechCommandsFolder.load(root), REAL_KEYWORD, true);
        if (b.backgroundNoise.isEmpty()) {
            throw new IOException(root + ": no _background_noise_/*.wav recordings, which the benchmark needs");
        }
        return b;
    }

    /** Any folder and keyword, default speaker split; reads the background recordings now. */
    public static BenchmarkData of(SpeechCommandsFolder folder, String keyword, boolean noiseNegatives)
            throws IOException {
        return new BenchmarkData(folder, Dataset.of(folder, keyword), folder.loadBackgroundNoise(), noiseNegatives);
    }

    public String keyword() {
        return dataset.keyword();
    }

    /** Word clips of a split, by word then file name. */
    public List<ClipFile> wordClips(Split split) {
        return dataset.clips(split);
    }

    /**
     * Word clips of some speakers, whatever their split (e.g. a speaker fold's), in the corpus's order: split by
     * split, each by word then file name.
     */
    public List<ClipFile> wordClips(Set<String> speakers) {
        List<ClipFile> clips = new ArrayList<>();
        for (Split split : Split.values()) {
            wordClips(split).stream().filter(c -> speakers.contains(c.speaker())).forEach(clips::add);
        }
        return clips;
    }

    /** Noise negatives of a split (empty when off); made on each call. */
    public List<Clip> noiseClips(Split split) {
        return noiseNegatives ? NoiseNegatives.clips(backgroundNoise, split) : List.of();
    }

    /**
     * Int8 features of a split without augmentation: the word clips (ids relative to the folder, as
     * {@link FeatureSet#compute} makes them) then the noise negatives (ids like
     * {@code _background_noise_/pink_noise.wav#test-3}).
     */
    public FeatureSet features(Split split, ProgressListener progress) throws IOException {
        String phase = "features " + split.name().toLowerCase(Locale.ROOT);
        FeatureSet words = FeatureSet.compute(wordClips(split), folder.root(), keyword(), phase, progress);
        List<LabelledFeatures> items = new ArrayList<>(words.items());
        LogMelFrontend frontend = new LogMelFrontend();
        for (Clip c : noiseClips(split)) {
            String id = folder.root().relativize(c.source()).toString();
            items.add(new LabelledFeatures(id, c.word(), c.speaker(), 0, frontend.compute(c.samples())));
        }
        return new FeatureSet(items);
    }

    /** TRAIN word clips plus TRAIN noise negatives, augmented with noise from the TRAIN portions only. */
    public AugmentedFeatures trainingFeatures(AugmentationConfig config, long seed) throws IOException {
        return trainingFeatures(wordClips(Split.TRAIN), config, seed);
    }

    /**
     * The given word clips (e.g. the training folds of a cross-validation, whose speakers come from every split)
     * plus TRAIN noise negatives, augmented with noise from the TRAIN portions only, so that no time portion of a
     * recording tested on is ever mixed into training.
     */
    public AugmentedFeatures trainingFeatures(List<ClipFile> words, AugmentationConfig config, long seed)
            throws IOException {
        return trainingFeatures(words, List.of(), config, seed);
    }

    /**
     * {@link #trainingFeatures(List, AugmentationConfig, long)} with {@code extraNegatives} after the noise
     * negatives (clips made from TRAIN material only, e.g. {@link PartialKeywords} or windows mined from TRAIN
     * streams), augmented alike.
     *
     * @throws IllegalArgumentException if an extra negative is labelled with the keyword
     */
    public AugmentedFeatures trainingFeatures(List<ClipFile> words, List<Clip> extraNegatives,
                                              AugmentationConfig config, long seed) throws IOException {
        for (Clip c : extraNegatives) {
            if (c.word().equals(keyword())) {
                throw new IllegalArgumentException(c.source() + ": an extra negative is labelled with the keyword '"
                        + keyword() + "'");
            }
        }
        Augmenter augmenter = new Augmenter(config, NoisePartition.bank(backgroundNoise, Split.TRAIN), seed);
        List<Clip> extra = new ArrayList<>(noiseClips(Split.TRAIN));
        extra.addAll(extraNegatives);
        return AugmentedFeatures.load(words, extra, keyword(), augmenter);
    }

    /**
     * Counts of one split.
     *
     * @param clips      word clips + noise clips
     * @param positives  keyword clips
     * @param wordClips  clips of any word (keyword included)
     * @param noiseClips noise negatives
     * @param speakers   distinct speakers among the word clips
     */
    public record SplitCounts(Split split, int clips, int positives, int wordClips, int noiseClips, int speakers) {
    }

    /** Counts per split, TRAIN, DEV, TEST; reads no audio. */
    public List<SplitCounts> counts() {
        List<SplitCounts> out = new ArrayList<>();
        for (Split s : Split.values()) {
            List<ClipFile> words = wordClips(s);
            Set<String> speakers = new HashSet<>();
            words.forEach(c -> speakers.add(c.speaker()));
            int noise = noiseNegatives ? NoiseNegatives.count(backgroundNoise, s) : 0;
            out.add(new SplitCounts(s, words.size() + noise, dataset.positives(s), words.size(), noise,
                    speakers.size()));
        }
        return out;
    }

    /** {@link #counts()} as a Markdown table with a total row. */
    public String countsTable() {
        StringBuilder b = new StringBuilder();
        b.append("| split | clips | positives (").append(keyword()).append(") | negative words | noise negatives | speakers |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        int[] total = new int[5];
        for (SplitCounts c : counts()) {
            int[] row = {c.clips(), c.positives(), c.wordClips() - c.positives(), c.noiseClips(), c.speakers()};
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", c.split(), row[0], row[1],
                    row[2], row[3], row[4]));
            for (int i = 0; i < 5; i++) {
                total[i] += row[i];
            }
        }
        b.append(String.format(Locale.ROOT, "| total | %d | %d | %d | %d | %d |%n", total[0], total[1], total[2],
                total[3], total[4]));
        return b.toString();
    }

    /** Prints the real-data benchmark's split table: {@code BenchmarkData <speech-commands folder>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkData <speech-commands folder>");
            System.exit(2);
        }
        System.out.print(realSpeech(Path.of(args[0])).countsTable());
    }
}
