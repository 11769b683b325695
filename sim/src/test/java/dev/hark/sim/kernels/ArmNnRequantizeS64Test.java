package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** {@code arm_nn_requantize_s64} against {@code requantize_s64.json} of both rounding builds. */
@Fast
class ArmNnRequantizeS64Test extends GoldenFileTest {

    ArmNnRequantizeS64Test() {
        super("requantize_s64.json", (rounding, c) -> {
            int multiplier = c.intParam("multiplier");
            int reduced = ArmNnRequantize.reduceMultiplier(multiplier);
            assertEquals(c.intParam("reduced_multiplier"), reduced, "case " + c.name() + ": reduced multiplier");
            long val = c.longParam("val");
            int shift = c.intParam("shift");
            c.assertOutput(ArmNnRequantize.requantizeS64(val, multiplier, shift));
            c.assertOutput(ArmNnRequantize.requantizeS64Reduced(val, reduced, shift));
        });
    }

    @Test
    void reduceMultiplierRoundsAndSaturates() {
        assertEquals(1 << 14, ArmNnRequantize.reduceMultiplier(1 << 30));
        assertEquals(0x7FFF, ArmNnRequantize.reduceMultiplier(0x7FFF0000));
        assertEquals(0x7FFF, ArmNnRequantize.reduceMultiplier(Integer.MAX_VALUE));
        assertEquals(0x7FFF, ArmNnRequantize.reduceMultiplier(0x7FFEFFFF)); // rounds up to 0x7FFF
    }

    @Test
    void alreadyReducedMultiplierIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArmNnRequantize.requantizeS64(100, 16384, 0));
        assertTrue(e.getMessage().contains("requantizeS64Reduced"), e.getMessage());
    }
}
