package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.augment.NoiseNegatives;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Fast
class FoldTest {
    /**
     * 23 speakers, of whom the first 11 say the keyword; each has a keyword clip (if a keyword speaker) and two
     * other clips, spread over the benchmark's splits; plus 4 noise negatives per split.
     */
    private static Map<Split, FeatureSet> corpus() {
        Map<Split, List<LabelledFeatures>> items = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            items.put(split, new ArrayList<>());
        }
        for (int s = 0; s < 23; s++) {
            Split split = Split.values()[s % 3];
            String speaker = "spk" + s;
            if (s < 11) {
                items.get(split).add(clip("stop/" + speaker + "_nohash_0.wav", "stop", speaker, 1));
            }
            items.get(split).add(clip("go/" + speaker + "_nohash_0.wav", "go", speaker, 0));
            items.get(split).add(clip("wow/" + speaker + "_nohash_0.wav", "wow", speaker, 0));
        }
        for (Split split : Split.values()) {
            for (int k = 0; k < 4; k++) {
                String id = "_background_noise_/hum.wav#" + split.name().toLowerCase() + "-" + k;
                items.get(split).add(clip(id, NoiseNegatives.WORD, "hum.wav", 0));
            }
        }
        Map<Split, FeatureSet> sets = new EnumMap<>(Split.class);
        items.forEach((split, list) -> sets.put(split, new FeatureSet(list)));
        return sets;
    }

    private static LabelledFeatures clip(String id, String word, String speaker, int label) {
        return new LabelledFeatures(id, word, speaker, label, new byte[] {1});
    }

    private static List<LabelledFeatures> all(Map<Split, FeatureSet> corpus) {
        List<LabelledFeatures> all = new ArrayList<>();
        corpus.values().forEach(set -> all.addAll(set.items()));
        return all;
    }

    @Test
    void everyClipToTestIsTestedOnceAndNoSpeakerIsOnBothSides() {
        Map<Split, FeatureSet> corpus = corpus();
        SpeakerFolds speakers = SpeakerFolds.of(all(corpus), 4, 7);
        List<Fold> folds = Fold.all(corpus, speakers, 0.2);
        Map<String, Integer> tested = new HashMap<>();
        for (Fold fold : folds) {
            Set<String> testSpeakers = new HashSet<>();
            for (LabelledFeatures c : fold.test()) {
                tested.merge(c.id(), 1, Integer::sum);
                if (!c.word().equals(NoiseNegatives.WORD)) {
                    testSpeakers.add(c.speaker());
                }
            }
            Set<String> devSpeakers = new HashSet<>();
            fold.dev().stream().filter(c -> !c.word().equals(NoiseNegatives.WORD))
                    .forEach(c -> devSpeakers.add(c.speaker()));
            for (LabelledFeatures c : fold.train()) {
                if (!c.word().equals(NoiseNegatives.WORD)) {
                    assertTrue(!testSpeakers.contains(c.speaker()) && !devSpeakers.contains(c.speaker()), c.id());
                }
            }
            assertTrue(devSpeakers.stream().noneMatch(testSpeakers::contains), fold.name());
            assertTrue(fold.dev().stream().anyMatch(c -> c.label() == 1), fold.name() + ": dev has a keyword clip");
            // Noise negatives keep their split in time: TRAIN ones train, DEV ones are dev, TEST ones are tested.
            assertEquals(4, fold.train().stream().filter(c -> c.id().contains("#train-")).count());
            assertEquals(4, fold.dev().stream().filter(c -> c.id().contains("#dev-")).count());
            assertTrue(fold.test().stream().noneMatch(c -> c.id().contains("#train-") || c.id().contains("#dev-")));
            assertEquals(fold.trainingSpeakers().size(), fold.train().stream()
                    .filter(c -> !c.word().equals(NoiseNegatives.WORD)).map(LabelledFeatures::speaker).distinct()
                    .count());
        }
        // 11 keyword clips + 46 other word clips + 4 TEST noise negatives, each exactly once.
        assertEquals(61, tested.size());
        assertTrue(tested.values().stream().allMatch(n -> n == 1), tested.toString());
    }

    @Test
    void keywordSpeakersAreDealtEvenlyAndTheSeedDecidesTheDeal() {
        Map<Split, FeatureSet> corpus = corpus();
        SpeakerFolds speakers = SpeakerFolds.of(all(corpus), 4, 7);
        int[] keywordSpeakers = new int[4];
        int[] allSpeakers = new int[4];
        for (int s = 0; s < 23; s++) {
            int fold = speakers.foldOf("spk" + s);
            allSpeakers[fold]++;
            if (s < 11) {
                keywordSpeakers[fold]++;
            }
        }
        for (int f = 0; f < 4; f++) {
            assertTrue(keywordSpeakers[f] == 2 || keywordSpeakers[f] == 3, "fold " + f + ": " + keywordSpeakers[f]);
            assertTrue(allSpeakers[f] == 5 || allSpeakers[f] == 6, "fold " + f + ": " + allSpeakers[f]);
        }
        List<Set<String>> deal = new ArrayList<>();
        List<Set<String>> again = new ArrayList<>();
        List<Set<String>> other = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            deal.add(speakers.speakers(f));
            again.add(SpeakerFolds.of(all(corpus), 4, 7).speakers(f));
            other.add(SpeakerFolds.of(all(corpus), 4, 8).speakers(f));
        }
        assertEquals(deal, again);
        assertNotEquals(deal, other);
    }

    @Test
    void tooFewKeywordSpeakersOrFoldsAreRefused() {
        List<LabelledFeatures> all = all(corpus());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpeakerFolds.of(all, 12, 1));
        assertEquals("12 folds need at least as many speakers who say the keyword, found 11", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpeakerFolds.of(all, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SpeakerFolds.of(all, 3, 1).devSpeakers(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> SpeakerFolds.of(all, 3, 1).foldOf("nobody"));
    }
}
