package dev.hark.sim.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** TFLite {@code QuantizeMultiplier} semantics, including its rounding and edge cases. */
@Fast
class QuantizedMultiplierTest {

    @Test
    void powersOfTwoAndSimpleFractions() {
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0));
        assertEquals(new QuantizedMultiplier(1 << 30, 0), QuantizedMultiplier.of(0.5));
        assertEquals(new QuantizedMultiplier(3 << 29, 0), QuantizedMultiplier.of(0.75));
        assertEquals(new QuantizedMultiplier(1 << 30, -3), QuantizedMultiplier.of(1.0 / 16));
        assertEquals(new QuantizedMultiplier(3 << 29, 23), QuantizedMultiplier.of(0.75 * (1 << 23)));
    }

    @Test
    void zeroGivesZeroPair() {
        assertEquals(new QuantizedMultiplier(0, 0), QuantizedMultiplier.of(0.0));
    }

    @Test
    void halvesRoundAwayFromZeroNotToEven() {
        // q * 2^31 = 2^30 + 0.5: round-half-even would give 2^30.
        assertEquals(new QuantizedMultiplier((1 << 30) + 1, 0), QuantizedMultiplier.of(0.5 + Math.scalb(1.0, -32)));
        // q * 2^31 = 2^30 + 1.5
        assertEquals(new QuantizedMultiplier((1 << 30) + 2, 0),
                QuantizedMultiplier.of(0.5 + 3 * Math.scalb(1.0, -32)));
    }

    @Test
    void mantissaRoundingUpToTwoPow31CarriesIntoTheShift() {
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0 - Math.scalb(1.0, -33)));
    }

    @Test
    void exponentBelowMinus31GivesZeroButOnlyAfterTheCarry() {
        assertEquals(new QuantizedMultiplier(1 << 30, -31), QuantizedMultiplier.of(Math.scalb(1.0, -32)));
        assertEquals(new QuantizedMultiplier(0, 0), QuantizedMultiplier.of(Math.scalb(1.0, -33)));
        assertEquals(new QuantizedMultiplier(0, 0), QuantizedMultiplier.of(Double.MIN_VALUE));
        // frexp gives e = -32, the carry lifts it to -31, so it survives.
        assertEquals(new QuantizedMultiplier(1 << 30, -31),
                QuantizedMultiplier.of(Math.scalb(1.0 - Math.scalb(1.0, -40), -32)));
    }

    @Test
    void realValueIsMultiplierTimesPowerOfTwo() {
        assertEquals(0.75, QuantizedMultiplier.of(0.75).realValue());
        assertEquals(0.1, QuantizedMultiplier.of(0.1).realValue(), 0.1 * Math.scalb(1.0, -30));
    }

    @Test
    void negativeAndNonFiniteAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(-0.5));
        assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(Double.POSITIVE_INFINITY));
    }
}
