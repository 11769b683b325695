package dev.hark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class ChanceLevelsTest {
    private static final int TRIALS = 2000;

    @Test
    void levelsFollowTheirFormulas() {
        assertEquals(0.5 + 5 * Math.sqrt(0.25 / 160), ChanceLevels.accuracy(80, 80), 1e-12);
        assertEquals(0.75 + 5 * Math.sqrt(0.75 * 0.25 / 400), ChanceLevels.accuracy(100, 300), 1e-12);
        assertEquals(ChanceLevels.accuracy(100, 300), ChanceLevels.accuracy(300, 100), 1e-12);
        assertEquals(0.5 - 5 * Math.sqrt(161.0 / (12 * 80 * 80)), ChanceLevels.auFaFr(80, 80), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ChanceLevels.accuracy(0, 10));
        assertThrows(IllegalArgumentException.class, () -> ChanceLevels.auFaFr(10, 0));
    }

    @Test
    void guessingNeverReachesTheLevels() {
        Random random = new Random(1);
        int positives = 60;
        int negatives = 100;
        for (int trial = 0; trial < TRIALS; trial++) {
            boolean[] keyword = new boolean[positives + negatives];
            for (int i = 0; i < positives; i++) {
                keyword[i] = true;
            }
            double[] scores = random.doubles(keyword.length).toArray();
            int correct = 0;
            for (int i = 0; i < keyword.length; i++) {
                correct += (scores[i] >= 0.5) == keyword[i] ? 1 : 0;
            }
            assertTrue((double) correct / keyword.length < ChanceLevels.accuracy(positives, negatives),
                    "trial " + trial);
            assertTrue(MisrankedPairs.fraction(scores, keyword) > ChanceLevels.auFaFr(positives, negatives),
                    "trial " + trial);
        }
    }

    @Test
    void aDetectorThatLearnedALittlePassesTheLevels() {
        // Keyword scores shifted up by one standard deviation: a weak detector, far from a perfect one.
        Random random = new Random(2);
        int positives = 80;
        int negatives = 80;
        boolean[] keyword = new boolean[positives + negatives];
        double[] scores = new double[keyword.length];
        int correct = 0;
        for (int i = 0; i < keyword.length; i++) {
            keyword[i] = i < positives;
            scores[i] = random.nextGaussian() + (keyword[i] ? 1 : -1);
            correct += (scores[i] >= 0) == keyword[i] ? 1 : 0;
        }
        assertTrue((double) correct / keyword.length > ChanceLevels.accuracy(positives, negatives));
        assertTrue(MisrankedPairs.fraction(scores, keyword) < ChanceLevels.auFaFr(positives, negatives));
    }
}
