package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class WilsonIntervalTest {
    @Test
    void matchesTheTextbookValues() {
        // Wilson (1927) / Newcombe (1998), case 81 of 263: [0.2553, 0.3662].
        Interval i = WilsonInterval.of(81.0 / 263, 263);
        assertEquals(0.2553, i.low(), 5e-5);
        assertEquals(0.3662, i.high(), 5e-5);
        // No misses still leaves room above 0: 0 of 10 gives [0, 0.2775].
        Interval none = WilsonInterval.of(0, 10);
        assertEquals(0, none.low(), 1e-12);
        assertEquals(0.2775, none.high(), 5e-5);
    }

    @Test
    void aProportionBetweenCountsLiesBetweenTheirIntervals() {
        Interval two = WilsonInterval.of(2.0 / 50, 50);
        Interval mean = WilsonInterval.of(7.0 / 3 / 50, 50);
        Interval three = WilsonInterval.of(3.0 / 50, 50);
        assertTrue(two.low() < mean.low() && mean.low() < three.low());
        assertTrue(two.high() < mean.high() && mean.high() < three.high());
    }

    @Test
    void refusesWhatIsNoProportion() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0.5, -1));
        assertEquals(new Interval(0, 1), WilsonInterval.of(0, 0));
    }
}
