package dev.hark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class ChecksTest {
    @Test
    void passesGoodValuesThrough() {
        assertEquals(3, Checks.positive("n", 3));
        assertEquals(0.5, Checks.positive("x", 0.5));
        assertEquals(0.0, Checks.unitInterval("p", 0.0));
        assertEquals(1.0, Checks.unitInterval("p", 1.0));
    }

    @Test
    void namesTheValueInOneLine() {
        assertEquals("CRNN config: frames must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> Checks.positive("CRNN config: frames", 0))
                        .getMessage());
        assertEquals("x must be positive, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Checks.positive("x", Double.NaN)).getMessage());
        assertEquals("p must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Checks.unitInterval("p", 1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.unitInterval("p", Double.NaN));
    }
}
