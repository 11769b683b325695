package dev.hark.pipeline.report;

import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoisePartition;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.KeywordStream;
import dev.hark.trainer.eval.KeywordStreamBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audio streams are made of: one split's keyword clips and other clips and that split's part of the background
 * recordings. Test streams take the test split, so nothing in them was heard in training or used to pick the model;
 * fine-tuning for streaming takes the training split (and the dev split to choose its epoch).
 *
 * @param keywordClips  the split's keyword clips (16 kHz)
 * @param negativeClips its other clips
 * @param noise         the split's portions of the background recordings
 */
public record StreamMaterial(List<short[]> keywordClips, List<short[]> negativeClips, List<short[]> noise) {
    public StreamMaterial {
        keywordClips = List.copyOf(keywordClips);
        negativeClips = List.copyOf(negativeClips);
        noise = List.copyOf(noise);
    }

    /** @throws IOException if a clip cannot be read */
    public static StreamMaterial testSplit(BenchmarkData data) throws IOException {
        return of(data, Split.TEST);
    }

    /** @throws IOException if a clip cannot be read */
    public static StreamMaterial of(BenchmarkData data, Split split) throws IOException {
        return of(data, data.wordClips(split), split);
    }

    /**
     * The word clips of {@code speakers}, whatever their split, and {@code split}'s part of the background recordings.
     *
     * @throws IOException if a clip cannot be read
     */
    public static StreamMaterial ofSpeakers(BenchmarkData data, Set<String> speakers, Split split) throws IOException {
        return of(data, data.wordClips(speakers), split);
    }

    private static StreamMaterial of(BenchmarkData data, List<ClipFile> clips, Split split) throws IOException {
        List<short[]> keywords = new ArrayList<>();
        List<short[]> negatives = new ArrayList<>();
        for (ClipFile clip : clips) {
            (clip.word().equals(data.keyword()) ? keywords : negatives).add(clip.load().samples());
        }
        List<short[]> noise = new ArrayList<>();
        for (NoiseRecording recording : NoisePartition.portions(data.backgroundNoise(), split)) {
            noise.add(recording.samples());
        }
        return new StreamMaterial(keywords, negatives, noise);
    }

    /** Whether there is anything to make a stream of. */
    public boolean isEmpty() {
        return negativeClips.isEmpty() && noise.isEmpty();
    }

    /** A stream of at least {@code seconds}, keywords inserted at the default gaps ({@link KeywordStreamBuilder}). */
    public KeywordStream stream(double seconds, long seed) {
        return KeywordStreamBuilder.build(keywordClips, negativeClips, noise, seconds, seed);
    }

    /** A stream of at least {@code seconds}, keywords inserted at gaps drawn from the given range. */
    public KeywordStream stream(double seconds, double minGapSeconds, double maxGapSeconds, long seed) {
        return KeywordStreamBuilder.build(keywordClips, negativeClips, noise, seconds, minGapSeconds, maxGapSeconds,
                seed);
    }
}
