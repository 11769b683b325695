package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Fast
class KeywordStreamBuilderTest {
    private static short[] constant(int n, int value) {
        short[] s = new short[n];
        Arrays.fill(s, (short) value);
        return s;
    }

    private static final List<short[]> CLIPS = List.of(constant(16000, 100), constant(16000, 200),
            constant(12000, 300));
    private static final List<short[]> NOISE = List.of(constant(16000 * 10, -50));
    private static final List<short[]> KEYWORDS = List.of(constant(16000, 5000), constant(14000, 6000),
            constant(16000, 7000));

    @Test
    void reachesTheLengthAndMixesClipsWithNoise() {
        KeywordStream s = KeywordStreamBuilder.build(List.of(), CLIPS, NOISE, 120, 1);
        assertTrue(s.seconds() >= 120 && s.seconds() < 123, "seconds " + s.seconds());
        assertTrue(s.noisePieces() > 0 && s.negativePieces() >= 4 * s.noisePieces());
        assertTrue(s.keywords().isEmpty());
        // Every clip value and the noise value occur (mid-piece samples are not faded).
        Set<Short> values = new HashSet<>();
        for (short x : s.samples()) {
            values.add(x);
        }
        for (int v : new int[] {100, 200, 300, -50}) {
            assertTrue(values.contains((short) v), "value " + v);
        }
    }

    @Test
    void keywordsLieWhereTheStreamSaysAndNowhereElse() {
        KeywordStream s = KeywordStreamBuilder.build(KEYWORDS, CLIPS, NOISE, 600, 3);
        boolean[] inKeyword = new boolean[s.samples().length];
        for (KeywordOccurrence k : s.keywords()) {
            int length = k.endSample() - k.startSample();
            int value = s.samples()[k.startSample() + length / 2];
            assertTrue(value == 5000 && length == 16000 || value == 6000 && length == 14000
                    || value == 7000 && length == 16000, "a whole keyword clip at " + k);
            for (int i = k.startSample(); i < k.endSample(); i++) {
                inKeyword[i] = true;
            }
        }
        for (int i = 0; i < inKeyword.length; i++) {
            if (!inKeyword[i]) {
                assertTrue(s.samples()[i] <= 300, "sample " + i + " outside every keyword holds a keyword value");
            }
        }
    }

    @Test
    void keywordsAreSeparatedByTheGapsAndEachClipIsUsedOncePerRound() {
        KeywordStream s = KeywordStreamBuilder.build(KEYWORDS, CLIPS, NOISE, 600, 5, 9, 4);
        List<KeywordOccurrence> k = s.keywords();
        assertTrue(k.get(0).startSecond() >= 5);
        for (int i = 1; i < k.size(); i++) {
            double gap = k.get(i).startSecond() - k.get(i - 1).endSecond();
            // At least the minimum gap; at most the maximum plus the longest negative piece (3 s of noise).
            assertTrue(gap >= 5 && gap <= 9 + 3, "gap " + gap + " s before keyword " + i);
        }
        assertTrue(k.size() >= 600 / (9 + 3 + 1) && k.size() <= 600 / (5 + 0.875) + 1, k.size() + " keywords");
        for (int round = 0; round + 3 <= k.size(); round += 3) {
            Set<Short> values = new HashSet<>();
            for (int i = round; i < round + 3; i++) {
                values.add(s.samples()[(k.get(i).startSample() + k.get(i).endSample()) / 2]);
            }
            assertEquals(3, values.size(), "round " + round / 3 + " repeats a clip");
        }
    }

    @Test
    void sameSeedSameStreamOtherSeedOtherStream() {
        KeywordStream a = KeywordStreamBuilder.build(KEYWORDS, CLIPS, NOISE, 60, 7);
        KeywordStream b = KeywordStreamBuilder.build(KEYWORDS, CLIPS, NOISE, 60, 7);
        KeywordStream c = KeywordStreamBuilder.build(KEYWORDS, CLIPS, NOISE, 60, 8);
        assertArrayEquals(a.samples(), b.samples());
        assertEquals(a.keywords(), b.keywords());
        assertFalse(Arrays.equals(a.samples(), c.samples()));
    }

    @Test
    void joinsAreFaded() {
        KeywordStream s = KeywordStreamBuilder.build(List.of(), List.of(constant(16000, 1000)), List.of(), 3, 1);
        assertEquals(0, s.noisePieces());
        assertTrue(Math.abs(s.samples()[0]) < 10);
        assertTrue(Math.abs(s.samples()[15999]) < 10);
        assertEquals(1000, s.samples()[8000]);
    }

    @Test
    void rejectsNothingToBuildFrom() {
        assertThrows(IllegalArgumentException.class,
                () -> KeywordStreamBuilder.build(KEYWORDS, List.of(), List.of(), 10, 1));
        assertThrows(IllegalArgumentException.class, () -> KeywordStreamBuilder.build(List.of(), CLIPS, NOISE, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> KeywordStreamBuilder.build(KEYWORDS, CLIPS, NOISE, 10, 5, 4, 1));
    }
}
