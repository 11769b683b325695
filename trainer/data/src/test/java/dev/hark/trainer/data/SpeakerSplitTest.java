package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class SpeakerSplitTest {
    @Test
    void matchesTheSpeechCommandsWhichSetRule() {
        // Expected values computed independently with Python's hashlib and the data set's which_set formula.
        assertEquals(9.555729549793373, SpeakerSplit.percentage("00000000"), 1e-9);
        assertEquals(16.829276955345847, SpeakerSplit.percentage("be1e0823"), 1e-9);
        assertEquals(68.36694902455024, SpeakerSplit.percentage("3c6ef362"), 1e-9);
        SpeakerSplit split = SpeakerSplit.speechCommandsRule(10, 10);
        assertEquals(Split.DEV, split.of("00000000"));
        assertEquals(Split.TEST, split.of("be1e0823"));
        assertEquals(Split.TRAIN, split.of("3c6ef362"));
    }

    @Test
    void defaultSplitHashesTheSaltedId() {
        SpeakerSplit split = SpeakerSplit.defaultSplit();
        Random r = new Random(9);
        int differ = 0;
        for (int i = 0; i < 200; i++) {
            String speaker = String.format("%08x", r.nextInt());
            double p = SpeakerSplit.percentage(SpeakerSplit.DEFAULT_SALT + speaker);
            assertEquals(p < 10 ? Split.DEV : p < 20 ? Split.TEST : Split.TRAIN, split.of(speaker));
            differ += split.of(speaker) != SpeakerSplit.speechCommandsRule(10, 10).of(speaker) ? 1 : 0;
        }
        assertTrue(differ > 20, "the salt must reshuffle speakers, moved " + differ);
    }

    @Test
    void isStableAcrossInstances() {
        Random r = new Random(3);
        for (int i = 0; i < 1000; i++) {
            String speaker = Integer.toHexString(r.nextInt());
            assertEquals(SpeakerSplit.defaultSplit().of(speaker), new SpeakerSplit(10, 10).of(speaker));
        }
    }

    @Test
    void proportionsAreRoughlyTheConfiguredPercentages() {
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        SpeakerSplit split = new SpeakerSplit(20, 5);
        Random r = new Random(11);
        int n = 20000;
        for (int i = 0; i < n; i++) {
            counts.merge(split.of(String.format("%08x", r.nextInt())), 1, Integer::sum);
        }
        assertEquals(0.20, counts.get(Split.DEV) / (double) n, 0.015);
        assertEquals(0.05, counts.get(Split.TEST) / (double) n, 0.01);
        assertEquals(0.75, counts.get(Split.TRAIN) / (double) n, 0.015);
    }

    @Test
    void neverPutsOneSpeakerInTwoSplits() {
        List<ClipFile> clips = new ArrayList<>();
        for (int s = 0; s < 300; s++) {
            for (int n = 0; n < 5; n++) {
                clips.add(new ClipFile(Path.of("w" + n + "/" + s + "_nohash_" + n + ".wav"), "w" + n, "spk" + s));
            }
        }
        Dataset d = Dataset.of(clips, "w0", SpeakerSplit.defaultSplit());
        Map<String, Split> seen = new HashMap<>();
        int total = 0;
        for (Split split : Split.values()) {
            for (ClipFile c : d.clips(split)) {
                Split before = seen.put(c.speaker(), split);
                assertTrue(before == null || before == split, c.speaker() + " is in " + before + " and " + split);
                total++;
            }
            assertTrue(!d.clips(split).isEmpty(), split + " is empty");
        }
        assertEquals(clips.size(), total);
    }

    @Test
    void rejectsImpossiblePercentages() {
        assertThrows(IllegalArgumentException.class, () -> new SpeakerSplit(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new SpeakerSplit(60, 50));
    }
}
