package dev.hark.trainer.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.data.Clip;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class PartialKeywordsTest {
    /** The keyword's speech: samples 4000..11999, each value 2000 + (i % 1000), so any sample tells its place. */
    private static final int WORD_START = 4000;
    private static final int WORD_END = 12000;

    private static Clip keyword(String speaker) {
        short[] s = new short[Clip.LENGTH];
        for (int i = WORD_START; i < WORD_END; i++) {
            s[i] = (short) (2000 + (i - WORD_START) % 1000);
        }
        return new Clip(Path.of("sheila", speaker + "_nohash_0.wav"), "sheila", speaker, s);
    }

    /** Another word: a constant negative level over {@code from..to}, told apart from the keyword by its sign. */
    private static Clip other(int from, int to) {
        short[] s = new short[Clip.LENGTH];
        for (int i = from; i < to; i++) {
            s[i] = -3000;
        }
        return new Clip(Path.of("wow", "b_nohash_0.wav"), "wow", "b", s);
    }

    private static int first(short[] s, boolean keyword) {
        for (int i = 0; i < s.length; i++) {
            if (keyword ? s[i] > 0 : s[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static int last(short[] s, boolean keyword) {
        for (int i = s.length - 1; i >= 0; i--) {
            if (keyword ? s[i] > 0 : s[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void eachClipIsTheKeywordsStartBeforeAnotherWordOrAnotherWordBeforeItsEnd() {
        List<Clip> clips = PartialKeywords.clips(List.of(keyword("a"), keyword("c")), List.of(other(5000, 11000)),
                10, 7);
        assertEquals(20, clips.size());
        int keywordFirst = 0;
        for (Clip c : clips) {
            short[] s = c.samples();
            assertEquals(PartialKeywords.WORD, c.word());
            assertEquals(Clip.LENGTH, s.length);
            int keywordSamples = 0;
            for (short v : s) {
                keywordSamples += v > 0 ? 1 : 0;
            }
            // The speech extent is the word plus one 10 ms frame of margin each side; the join's fade may zero one.
            int extent = WORD_END - WORD_START + 2 * 160;
            assertTrue(keywordSamples >= PartialKeywords.MIN_PART * extent - 160 - 2, c.source() + ": "
                    + keywordSamples);
            assertTrue(keywordSamples <= PartialKeywords.MAX_PART * extent + 1, c.source() + ": " + keywordSamples);
            if (first(s, true) < first(s, false)) {
                keywordFirst++;
                assertEquals(2000, s[first(s, true)], "the keyword's own start");
                assertTrue(last(s, true) < first(s, false), "the keyword part, then the other word");
            } else {
                assertEquals(2999, s[last(s, true)], "the keyword's own end");
                assertTrue(last(s, false) < first(s, true), "the other word, then the keyword part");
            }
        }
        assertTrue(keywordFirst > 0 && keywordFirst < clips.size(), "both kinds: " + keywordFirst);
    }

    @Test
    void aLongOtherWordIsCutAtItsFarSideSoTheKeywordPartStaysWhole() {
        Clip keyword = keyword("a");
        List<Clip> clips = PartialKeywords.clips(List.of(keyword), List.of(other(0, Clip.LENGTH)), 8, 3);
        List<Clip> roomy = PartialKeywords.clips(List.of(keyword), List.of(other(5000, 5800)), 8, 3);
        for (int i = 0; i < clips.size(); i++) {
            long cut = java.util.Arrays.stream(toInts(clips.get(i).samples())).filter(v -> v > 0).count();
            long whole = java.util.Arrays.stream(toInts(roomy.get(i).samples())).filter(v -> v > 0).count();
            assertEquals(whole, cut, "the same keyword part with a short and a long other word, clip " + i);
        }
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }

    @Test
    void theClipsDependOnTheSeedAloneAndASilentKeywordClipGivesNone() {
        List<Clip> keywords = List.of(keyword("a"), new Clip(Path.of("sheila", "z_nohash_0.wav"), "sheila", "z",
                new short[Clip.LENGTH]));
        List<Clip> others = List.of(other(5000, 11000), other(2000, 6000));
        List<Clip> once = PartialKeywords.clips(keywords, others, 3, 11);
        List<Clip> again = PartialKeywords.clips(keywords, others, 3, 11);
        assertEquals(3, once.size(), "the silent clip gives none");
        for (int i = 0; i < once.size(); i++) {
            assertArrayEquals(once.get(i).samples(), again.get(i).samples());
        }
        List<Clip> otherSeed = PartialKeywords.clips(keywords, others, 3, 12);
        boolean differs = false;
        for (int i = 0; i < once.size(); i++) {
            differs |= !java.util.Arrays.equals(once.get(i).samples(), otherSeed.get(i).samples());
        }
        assertTrue(differs);
        assertTrue(PartialKeywords.clips(keywords, List.of(), 0, 1).isEmpty());
    }

    @Test
    void badCountsAreRefusedNamingTheProblem() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> PartialKeywords.clips(List.of(keyword("a")), List.of(other(0, 100)), -1, 1));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PartialKeywords.clips(List.of(keyword("a")), List.of(), 1, 1));
        assertFalse(none.getMessage().isEmpty());
    }
}
