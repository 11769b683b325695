package dev.hark.trainer.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {
    @Test
    void labelsOnlyTheKeywordPositiveAndGroupsBySpeaker() {
        // "00000000" is DEV, "be1e0823" TEST, "3c6ef362" TRAIN under the default split (see SpeakerSplitTest).
        ClipFile devSheila = new ClipFile(Path.of("sheila/00000000_nohash_0.wav"), "sheila", "00000000");
        ClipFile devShe = new ClipFile(Path.of("she/00000000_nohash_0.wav"), "she", "00000000");
        ClipFile testSheila = new ClipFile(Path.of("sheila/be1e0823_nohash_0.wav"), "sheila", "be1e0823");
        ClipFile trainNoise = new ClipFile(Path.of("noise/3c6ef362_nohash_0.wav"), "noise", "3c6ef362");
        Dataset d = Dataset.of(List.of(devSheila, devShe, testSheila, trainNoise), "sheila", SpeakerSplit.defaultSplit());
        assertEquals(List.of(devSheila, devShe), d.clips(Split.DEV));
        assertEquals(List.of(testSheila), d.clips(Split.TEST));
        assertEquals(List.of(trainNoise), d.clips(Split.TRAIN));
        assertTrue(d.isKeyword(devSheila));
        assertFalse(d.isKeyword(devShe));
        assertFalse(d.isKeyword(trainNoise));
        assertEquals(1, d.positives(Split.DEV));
        assertEquals(0, d.positives(Split.TRAIN));
    }
}
