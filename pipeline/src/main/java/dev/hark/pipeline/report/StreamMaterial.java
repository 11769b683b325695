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

/**
 * The audio test streams are made of: the test split's keyword clips and other clips and the test part of the
 * background recordings, so nothing in a stream was heard in training or used to pick the model.
 *
 * @param keywordClips  the test split's keyword clips (16 kHz)
 * @param negativeClips its other clips
 * @param noise         the test portions of the background recordings
 */
public record StreamMaterial(List<short[]> keywordClips, List<short[]> negativeClips, List<short[]> noise) {
    public StreamMaterial {
        keywordClips = List.copyOf(keywordClips);
        negativeClips = List.copyOf(negativeClips);
        noise = List.copyOf(noise);
    }

    /** @throws IOException if a clip cannot be read */
    public static StreamMaterial testSplit(BenchmarkData data) throws IOException {
        List<short[]> keywords = new ArrayList<>();
        List<short[]> negatives = new ArrayList<>();
        for (ClipFile clip : data.wordClips(Split.TEST)) {
            (clip.word().equals(data.keyword()) ? keywords : negatives).add(clip.load().samples());
        }
        List<short[]> noise = new ArrayList<>();
        for (NoiseRecording recording : NoisePartition.portions(data.backgroundNoise(), Split.TEST)) {
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
}
