package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class MatchingRuleTest {
    private static final MatchingRule RULE = MatchingRule.MLPERF_TINY;

    /** A keyword from {@code from} to {@code to} seconds. */
    private static KeywordOccurrence keyword(double from, double to) {
        return new KeywordOccurrence((int) Math.round(from * 16000), (int) Math.round(to * 16000));
    }

    @Test
    void aDetectionFromTheKeywordsStartToItsEndPlusTheToleranceIsAHit() {
        List<KeywordOccurrence> k = List.of(keyword(10, 11));
        assertEquals(new MatchingRule.Counts(1, 0, 0), RULE.match(new double[] {10}, k));
        assertEquals(new MatchingRule.Counts(1, 0, 0), RULE.match(new double[] {12}, k));
        assertEquals(new MatchingRule.Counts(0, 1, 1), RULE.match(new double[] {9.99}, k));
        assertEquals(new MatchingRule.Counts(0, 1, 1), RULE.match(new double[] {12.01}, k));
        assertEquals(new MatchingRule.Counts(1, 0, 0), new MatchingRule(0, 1).match(new double[] {11}, k));
        assertEquals(new MatchingRule.Counts(0, 1, 1), new MatchingRule(0, 1).match(new double[] {11.5}, k));
    }

    @Test
    void aKeywordCountsOneHitAndSpendsEveryDetectionInItsWindow() {
        List<KeywordOccurrence> k = List.of(keyword(10, 11), keyword(30, 31));
        assertEquals(new MatchingRule.Counts(1, 1, 0), RULE.match(new double[] {10.2, 10.9, 11.5, 11.9}, k));
        assertEquals(new MatchingRule.Counts(2, 0, 1), RULE.match(new double[] {31.5, 20, 10.5}, k));
        assertEquals(new MatchingRule.Counts(0, 2, 0), RULE.match(new double[0], k));
    }

    @Test
    void falseAlarmsSoonAfterACountedOneAreDebounced() {
        List<KeywordOccurrence> none = List.of();
        // 100.5 is within 1 s of 100 and not counted; 101.2 is 1.2 s after the counted 100.
        assertEquals(new MatchingRule.Counts(0, 0, 2), RULE.match(new double[] {100, 100.5, 101.2}, none));
        assertEquals(new MatchingRule.Counts(0, 0, 2), RULE.match(new double[] {100, 100.9, 101.8}, none));
        assertEquals(new MatchingRule.Counts(0, 0, 3), new MatchingRule(1, 0).match(new double[] {1, 1.1, 1.2},
                none));
        assertEquals(new MatchingRule.Counts(0, 0, 1), RULE.match(new double[] {5, 6}, none));
    }

    @Test
    void theDetailSaysWhenEachCountedFalseAlarmWasMade() {
        List<KeywordOccurrence> k = List.of(new KeywordOccurrence(10 * 16000, 11 * 16000));
        MatchingRule.Matching m = RULE.matchInDetail(new double[] {101.2, 10.5, 100, 100.5, 3}, k);
        assertEquals(new MatchingRule.Counts(1, 0, 3), m.counts());
        assertArrayEquals(new double[] {3, 100, 101.2}, m.falseAlarmSeconds());
        assertArrayEquals(new boolean[] {true}, m.keywordHit());
    }

    @Test
    void theDetailSaysWhichKeywordsWereMissed() {
        List<KeywordOccurrence> k = List.of(new KeywordOccurrence(10 * 16000, 11 * 16000),
                new KeywordOccurrence(30 * 16000, 31 * 16000), new KeywordOccurrence(50 * 16000, 51 * 16000));
        // 32.5 is 1.5 s after the second keyword's end: too late for it, a false alarm instead.
        MatchingRule.Matching m = RULE.matchInDetail(new double[] {11.9, 32.5, 50.2}, k);
        assertArrayEquals(new boolean[] {true, false, true}, m.keywordHit());
        assertEquals(new MatchingRule.Counts(2, 1, 1), m.counts());
    }

    @Test
    void rejectsNegativeTimes() {
        assertThrows(IllegalArgumentException.class, () -> new MatchingRule(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MatchingRule(1, Double.NaN));
    }
}
