package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class StreamingScorerTest {
    private static short[] noise(int n, long seed) {
        Random random = new Random(seed);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (random.nextGaussian() * 2000);
        }
        return s;
    }

    @Test
    void streamFeaturesEqualTheFrontEndOnTheWholeStream() {
        short[] stream = noise(16000 * 3 + 77, 1);
        assertArrayEquals(new LogMelFrontend().compute(stream), StreamingScorer.features(stream));
    }

    @Test
    void windowsAreTheRightFramesAtTheHop() {
        int frames = 350;
        byte[] features = new byte[frames * 40];
        for (int f = 0; f < frames; f++) {
            Arrays.fill(features, f * 40, f * 40 + 40, (byte) (f % 256));
        }
        // The scorer reports the index of the window's first frame (mod 256) from its content.
        WindowScorer firstFrame = w -> (w[0] & 0xff) / 1000f;
        StreamScores s = StreamingScorer.score(features, 3.49, firstFrame, 10);
        assertEquals((frames - 101) / 10 + 1, s.windows());
        for (int i = 0; i < s.windows(); i++) {
            assertEquals((i * 10 % 256) / 1000f, s.scores()[i], 0);
        }
        assertEquals(0.5, s.centreSecond(0), 1e-12);
        assertEquals(1.5, s.centreSecond(10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> StreamingScorer.score(new byte[100 * 40], 1, firstFrame, 10));
    }

    @Test
    void nineClipCheckPeaksOverTheMiddleClip() {
        // Quiet clips around a loud middle one; a "detector" that scores loudness finds the middle.
        List<short[]> clips = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            short[] c = noise(16000, i);
            if (i != NineClipCheck.KEYWORD_INDEX) {
                for (int k = 0; k < c.length; k++) {
                    c[k] /= 40;
                }
            }
            clips.add(c);
        }
        WindowScorer loudness = w -> {
            double sum = 0;
            for (byte b : w) {
                sum += b + 128;
            }
            return (float) (sum / w.length / 255);
        };
        NineClipCheck check = NineClipCheck.run(clips, loudness, 5);
        assertEquals(4.0, check.keywordStartSecond(), 1e-12);
        assertEquals(5.0, check.keywordEndSecond(), 1e-12);
        assertTrue(check.peakOverKeyword(), "peak at " + check.scores().centreSecond(check.peakIndex()));
        float peak = check.scores().scores()[check.peakIndex()];
        assertEquals(1, check.alarms(peak * 0.95f));
        assertThrows(IllegalArgumentException.class, () -> NineClipCheck.run(clips.subList(0, 8), loudness, 5));
    }
}
