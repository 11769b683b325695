package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class McNemarTest {
    @Test
    void exactPValuesOfSmallDiscordantCountsByHand() {
        // 0 vs 5: both one-sided tails are 1/32.
        assertEquals(2.0 / 32, McNemar.exact(0, 5).pValue(), 1e-15);
        // 1 vs 9: (C(10,0) + C(10,1)) / 2^10 = 11/1024, twice.
        assertEquals(22.0 / 1024, McNemar.exact(1, 9).pValue(), 1e-15);
        // 10 vs 2: (1 + 12 + 66) / 4096, twice; the order of the counts does not matter.
        assertEquals(158.0 / 4096, McNemar.exact(10, 2).pValue(), 1e-15);
        assertEquals(McNemar.exact(2, 10).pValue(), McNemar.exact(10, 2).pValue());
        // 3 vs 3: twice (1 + 6 + 15 + 20) / 64 is above 1, so 1.
        assertEquals(1, McNemar.exact(3, 3).pValue());
        assertEquals(1, McNemar.exact(0, 0).pValue());
        // 0 vs 1: a single discordant clip can never be a difference.
        assertEquals(1, McNemar.exact(0, 1).pValue());
    }

    @Test
    void largeCountsStayFiniteAndMatchTheNormalTail() {
        // 450 vs 550 of 1000: z = 100 / sqrt(1000) = 3.162 (with continuity correction 3.131); two-sided normal tail
        // about 0.00174. The exact value is close to it.
        double p = McNemar.exact(450, 550).pValue();
        assertEquals(0.00174, p, 0.0002);
        assertEquals(1, McNemar.exact(5000, 5000).pValue());
    }

    @Test
    void countsDiscordantDecisionsAtTheThreshold() {
        boolean[] keyword = {true, true, true, false, false, false};
        float[] a = {0.9f, 0.6f, 0.5f, 0.1f, 0.2f, 0.7f}; // right, right, right (0.5 accepts), right, right, wrong
        float[] b = {0.9f, 0.4f, 0.3f, 0.6f, 0.2f, 0.8f}; // right, wrong, wrong, wrong, right, wrong
        McNemar test = McNemar.atThreshold(a, b, keyword, 0.5f);
        assertEquals(3, test.aOnly());
        assertEquals(0, test.bOnly());
        assertEquals(2.0 / 8, test.pValue(), 1e-15);
        assertEquals(Verdict.CANNOT_TELL, test.verdict(McNemar.LEVEL));
    }

    @Test
    void verdictNamesTheModelWithFewerErrorsWhenThePValueIsLow() {
        assertEquals(Verdict.A_BETTER, McNemar.exact(9, 1).verdict(McNemar.LEVEL));
        assertEquals(Verdict.B_BETTER, McNemar.exact(1, 9).verdict(McNemar.LEVEL));
        assertEquals(Verdict.CANNOT_TELL, McNemar.exact(7, 2).verdict(McNemar.LEVEL)); // p = 0.1797
        assertEquals("c4 better", Verdict.B_BETTER.naming("teacher", "c4"));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> McNemar.exact(-1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> McNemar.atThreshold(new float[2], new float[3], new boolean[2], 0.5f));
    }
}
