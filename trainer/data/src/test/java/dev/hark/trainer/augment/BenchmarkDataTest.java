package dev.hark.trainer.augment;

import dev.hark.testing.Slow;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.testing.SharedFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real-data benchmark is exactly what docs/benchmark.md documents; skipped where ../shared is absent
 * ({@link SharedFolder}).
 */
@Slow
class BenchmarkDataTest {
    private static Path root;

    @BeforeAll
    static void locate() {
        root = SharedFolder.require("data/speech-commands");
    }

    @Test
    void splitCountsAreTheDocumentedOnes() throws IOException {
        String expected = """
                | split | clips | positives (stop) | negative words | noise negatives | speakers |
                |---|---:|---:|---:|---:|---:|
                | TRAIN | 3298 | 254 | 2726 | 318 | 191 |
                | DEV | 460 | 36 | 385 | 39 | 29 |
                | TEST | 450 | 35 | 376 | 39 | 20 |
                | total | 4208 | 325 | 3487 | 396 | 240 |
                """;
        String table = BenchmarkData.realSpeech(root).countsTable();
        assertEquals(expected, table, "the benchmark changed: update docs/benchmark.md and this test together");
        String doc = Files.readString(Path.of(System.getProperty("hark.docs.dir"), "benchmark.md"));
        assertTrue(doc.contains(expected.strip()), "docs/benchmark.md shows another split table");
    }

    @Test
    void speakersAndNoiseNeverCrossSplits() throws IOException {
        BenchmarkData b = BenchmarkData.realSpeech(root);
        Set<String> seenSpeakers = new HashSet<>();
        Set<String> seenNoise = new HashSet<>();
        for (Split s : Split.values()) {
            Set<String> speakers = new HashSet<>();
            b.wordClips(s).forEach(c -> speakers.add(c.speaker()));
            for (String sp : speakers) {
                assertTrue(seenSpeakers.add(sp), "speaker " + sp + " in two splits");
            }
            b.noiseClips(s).forEach(c -> assertTrue(seenNoise.add(c.source().toString()), c.source().toString()));
            assertTrue(b.wordClips(s).stream().noneMatch(c -> c.word().startsWith("_")), "no _silence_ clips");
        }
    }

    @Test
    void wordClipsOfSpeakersAreTheirClipsOfEverySplitInTheCorpusOrder() throws IOException {
        BenchmarkData b = BenchmarkData.realSpeech(root);
        String trainSpeaker = b.wordClips(Split.TRAIN).get(0).speaker();
        String testSpeaker = b.wordClips(Split.TEST).get(0).speaker();
        List<ClipFile> clips = b.wordClips(Set.of(testSpeaker, trainSpeaker));
        List<ClipFile> train = b.wordClips(Split.TRAIN).stream().filter(c -> c.speaker().equals(trainSpeaker)).toList();
        List<ClipFile> test = b.wordClips(Split.TEST).stream().filter(c -> c.speaker().equals(testSpeaker)).toList();
        assertEquals(train, clips.subList(0, train.size()), "the TRAIN speaker's clips first, as the split lists them");
        assertEquals(test, clips.subList(train.size(), clips.size()), "then the TEST speaker's");
        assertTrue(b.wordClips(Set.of()).isEmpty());
    }

    @Test
    void evaluationFeaturesHoldWordsThenNoiseWithUniqueIds() throws IOException {
        BenchmarkData b = BenchmarkData.realSpeech(root);
        FeatureSet test = b.features(Split.TEST, ProgressListener.NONE);
        assertEquals(450, test.size());
        assertEquals(35, test.positives());
        Set<String> ids = new HashSet<>();
        for (LabelledFeatures f : test.items()) {
            assertTrue(ids.add(f.id()), "duplicate id " + f.id());
            assertEquals(101 * 40, f.features().length);
        }
        List<LabelledFeatures> items = test.items();
        assertEquals("_background_noise_/doing_the_dishes.wav#test-0", items.get(411).id());
        assertEquals(NoiseNegatives.WORD, items.get(449).word());
    }

    @Test
    void trainingFeaturesAreTheTrainSplitWithNoiseNegatives() throws IOException {
        BenchmarkData b = BenchmarkData.realSpeech(root);
        AugmentedFeatures f = b.trainingFeatures(AugmentationConfig.defaults(), 1);
        assertEquals(3298, f.size());
        int positives = 0;
        for (int i = 0; i < f.size(); i++) {
            positives += f.label(i);
        }
        assertEquals(254, positives);
        List<ClipFile> words = b.wordClips(Split.TRAIN);
        for (int i = 0; i < words.size(); i++) {
            assertEquals(b.dataset().isKeyword(words.get(i)) ? 1 : 0, f.label(i));
        }
        assertEquals(6, f.augmenter().noise().size());
        // the augmentation noise is the TRAIN portion only
        assertEquals(NoisePartition.end(b.backgroundNoise().get(0).samples().length, Split.TRAIN),
                f.augmenter().noise().length(0));
    }
}
