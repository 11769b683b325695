package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class DatasetTest {
    @Test
    void labelsOnlyTheKeywordPositiveAndGroupsBySpeaker() {
        SpeakerSplit split = SpeakerSplit.defaultSplit();
        String dev = speakerIn(split, Split.DEV);
        String test = speakerIn(split, Split.TEST);
        String train = speakerIn(split, Split.TRAIN);
        ClipFile devSheila = new ClipFile(Path.of("sheila/" + dev + "_nohash_0.wav"), "sheila", dev);
        ClipFile devShe = new ClipFile(Path.of("she/" + dev + "_nohash_0.wav"), "she", dev);
        ClipFile testSheila = new ClipFile(Path.of("sheila/" + test + "_nohash_0.wav"), "sheila", test);
        ClipFile trainNoise = new ClipFile(Path.of("noise/" + train + "_nohash_0.wav"), "noise", train);
        Dataset d = Dataset.of(List.of(devSheila, devShe, testSheila, trainNoise), "sheila", split);
        assertEquals(List.of(devSheila, devShe), d.clips(Split.DEV));
        assertEquals(List.of(testSheila), d.clips(Split.TEST));
        assertEquals(List.of(trainNoise), d.clips(Split.TRAIN));
        assertTrue(d.isKeyword(devSheila));
        assertFalse(d.isKeyword(devShe));
        assertFalse(d.isKeyword(trainNoise));
        assertEquals(1, d.positives(Split.DEV));
        assertEquals(0, d.positives(Split.TRAIN));
    }

    private static String speakerIn(SpeakerSplit split, Split wanted) {
        for (int i = 0; ; i++) {
            String id = String.format("%08x", i);
            if (split.of(id) == wanted) {
                return id;
            }
        }
    }
}
