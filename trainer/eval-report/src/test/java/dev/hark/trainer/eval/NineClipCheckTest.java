package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class NineClipCheckTest {
    private static short[] noise(int n, double level, long seed) {
        Random random = new Random(seed);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, random.nextGaussian() * level));
        }
        return s;
    }

    @Test
    void aDetectorOfLoudnessFindsTheLoudMiddleClipOnce() {
        List<short[]> clips = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            clips.add(noise(16000, i == NineClipCheck.KEYWORD_INDEX ? 8000 : 50, i));
        }
        NineClipCheck listened = NineClipCheck.run(clips, new LoudestStandIn(40), StatePolicy.CARRIED,
                new DetectionSettings(1, 255, 12), MatchingRule.MLPERF_TINY);
        int peak = listened.listening().scores()[listened.peakStep()];

        NineClipCheck check = NineClipCheck.run(clips, new LoudestStandIn(40), StatePolicy.CARRIED,
                new DetectionSettings(1, peak, 12), MatchingRule.MLPERF_TINY);

        assertEquals(4.0, check.keyword().startSecond(), 1e-12);
        assertEquals(5.0, check.keyword().endSecond(), 1e-12);
        assertEquals(9.0, check.seconds(), 1e-12);
        assertTrue(check.peakInKeywordWindow(), "peak at " + check.listening().stepSecond(check.peakStep()));
        assertEquals(new MatchingRule.Counts(1, 0, 0), check.counts());
        assertEquals(check.listening().steps(), check.stepSeconds().length);
        assertThrows(IllegalArgumentException.class, () -> NineClipCheck.run(clips.subList(0, 8),
                new LoudestStandIn(40), StatePolicy.CARRIED, new DetectionSettings(1, 128, 12),
                MatchingRule.MLPERF_TINY));
    }
}
