package dev.hark.trainer.qat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class QatEpochTest {
    @Test
    void aLowerAreaWinsThenAHigherAccuracy() {
        QatEpoch start = new QatEpoch(0, Double.NaN, 0.90, 0.010);
        assertTrue(new QatEpoch(1, 0.3, 0.80, 0.005).betterThan(start));
        assertFalse(new QatEpoch(1, 0.3, 0.99, 0.020).betterThan(start));
        assertTrue(new QatEpoch(1, 0.3, 0.91, 0.010).betterThan(start));
        assertFalse(new QatEpoch(1, 0.3, 0.90, 0.010).betterThan(start), "a tie keeps the earlier epoch");
    }
}
