package dev.hark.trainer.augment;

import dev.hark.testing.Fast;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.Split;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class NoiseNegativesTest {
    private static final List<NoiseRecording> RECORDINGS = List.of(
            TestSignals.whiteNoise("white", 60 * 16000, 120, 1),
            TestSignals.whiteNoise("short", 20 * 16000 + 777, 60, 2));

    @Test
    void portionsAreDisjointAndCoverTheRecordingInOrder() {
        for (int n : new int[] {0, 9, 10, 16000, 960_000, 1_523_033}) {
            assertEquals(0, NoisePartition.start(n, Split.TRAIN));
            assertEquals(NoisePartition.end(n, Split.TRAIN), NoisePartition.start(n, Split.DEV));
            assertEquals(NoisePartition.end(n, Split.DEV), NoisePartition.start(n, Split.TEST));
            assertEquals(n, NoisePartition.end(n, Split.TEST));
        }
        assertEquals(768_000, NoisePartition.end(960_000, Split.TRAIN));
        assertEquals(864_000, NoisePartition.end(960_000, Split.DEV));
    }

    @Test
    void trainingBankHoldsOnlyTheTrainPortion() {
        NoiseBank bank = NoisePartition.bank(RECORDINGS, Split.TRAIN);
        assertEquals(2, bank.size());
        assertEquals(48 * 16000, bank.length(0));
        assertEquals("white", bank.name(0));
        float[] tail = bank.excerpt(0, 48 * 16000 - 5, 10); // wraps to the start, never into DEV
        assertEquals(RECORDINGS.get(0).samples()[0], tail[5]);
    }

    @Test
    void countsFollowTheWholeSecondsOfEachPortion() {
        // white: 48 / 6 / 6 s; short (20.05 s): 16.0389 / 2.0049 / 2.0049 s -> 16 / 2 / 2 clips
        assertEquals(64, NoiseNegatives.count(RECORDINGS, Split.TRAIN));
        assertEquals(8, NoiseNegatives.count(RECORDINGS, Split.DEV));
        assertEquals(8, NoiseNegatives.count(RECORDINGS, Split.TEST));
        assertEquals(8, NoiseNegatives.clips(RECORDINGS, Split.TEST).size());
    }

    @Test
    void clipsAreDeterministicExcerptsAtLevelsInRange() {
        List<Clip> a = NoiseNegatives.clips(RECORDINGS, Split.DEV);
        List<Clip> b = NoiseNegatives.clips(RECORDINGS, Split.DEV);
        Set<String> ids = new HashSet<>();
        Set<Long> levels = new HashSet<>();
        short[] white = RECORDINGS.get(0).samples();
        for (int k = 0; k < a.size(); k++) {
            Clip c = a.get(k);
            assertArrayEquals(c.samples(), b.get(k).samples());
            assertEquals(NoiseNegatives.WORD, c.word());
            assertTrue(ids.add(c.source().toString()), "unique source " + c.source());
            double dbfs = 20 * Math.log10(TestSignals.rms(c.samples()) / 32768);
            assertTrue(dbfs >= NoiseNegatives.MIN_LEVEL_DBFS - 0.1 && dbfs <= NoiseNegatives.MAX_LEVEL_DBFS + 0.1,
                    "level " + dbfs);
            levels.add(Math.round(dbfs));
        }
        assertTrue(levels.size() >= 4, "levels vary: " + levels);
        // clip 1 of "white" in DEV is the scaled second [49 s, 50 s) of the recording
        Clip c = a.get(1);
        assertEquals("white", c.speaker());
        assertTrue(c.source().toString().endsWith("white.wav#dev-1"), c.source().toString());
        double ratio = (double) c.samples()[100] / white[49 * 16000 + 100];
        for (int i = 0; i < 16000; i += 997) {
            int orig = white[49 * 16000 + i];
            if (Math.abs(orig) > 50) {
                assertEquals(ratio, (double) c.samples()[i] / orig, Math.abs(ratio) * 0.02 + 1.0 / Math.abs(orig));
            }
        }
    }
}
