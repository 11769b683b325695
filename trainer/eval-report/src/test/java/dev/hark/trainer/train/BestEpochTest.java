package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class BestEpochTest {
    /** An epoch and its score; lower is better. */
    private record Epoch(int number, int score) {
        boolean betterThan(Epoch other) {
            return score < other.score;
        }
    }

    @Test
    void keepsTheFirstOfTheBestAndAsksForWhatToKeepOnlyThen() {
        BestEpoch<Epoch, String> best = new BestEpoch<>(Epoch::betterThan);
        assertTrue(best.isEmpty());
        assertNull(best.epoch());
        List<Integer> asked = new ArrayList<>();
        int[] scores = {5, 3, 3, 4, 1, 1};
        for (int i = 0; i < scores.length; i++) {
            int number = i + 1;
            best.offer(new Epoch(number, scores[i]), () -> {
                asked.add(number);
                return "weights of " + number;
            });
        }
        assertEquals(List.of(1, 2, 5), asked);
        assertEquals(new Epoch(5, 1), best.epoch());
        assertEquals("weights of 5", best.kept());
        assertFalse(best.offer(new Epoch(7, 1), () -> "never"));
    }

    @Test
    void aRestoredEpochIsBeatenOnlyByABetterOne() {
        BestEpoch<Epoch, String> best = new BestEpoch<>(Epoch::betterThan);
        best.restore(new Epoch(3, 2), "checkpoint");
        assertFalse(best.offer(new Epoch(4, 2), () -> "4"));
        assertTrue(best.offer(new Epoch(5, 0), () -> "5"));
        assertEquals("5", best.kept());
    }

    @Test
    void ofAHistoryIsWhatATrainerWouldHaveKept() {
        assertEquals(new Epoch(2, 0), BestEpoch.of(List.of(new Epoch(1, 2), new Epoch(2, 0), new Epoch(3, 0)),
                Epoch::betterThan));
        assertThrows(IllegalArgumentException.class, () -> BestEpoch.of(List.<Epoch>of(), Epoch::betterThan));
    }
}
