package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.LOG_MAX_Q16;
import static dev.hark.sim.frontend.FrontendConfig.LOG_MIN_Q16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class FeatureQuantizerTest {
    private static final int STEP = (LOG_MAX_Q16 - LOG_MIN_Q16) / 255;

    @Test
    void rangeEndsMapToExtremeCodesAndClamp() {
        assertEquals(-128, FeatureQuantizer.quantize(LOG_MIN_Q16));
        assertEquals(-128, FeatureQuantizer.quantize(0));
        assertEquals(-128, FeatureQuantizer.quantize(Integer.MIN_VALUE));
        assertEquals(127, FeatureQuantizer.quantize(LOG_MAX_Q16));
        assertEquals(127, FeatureQuantizer.quantize(Integer.MAX_VALUE));
    }

    @Test
    void roundsHalfUp() {
        // The shipped range is a whole number of Q16 units per step, so the half-way point is exact.
        assertEquals(255 * STEP, LOG_MAX_Q16 - LOG_MIN_Q16);
        assertEquals(-128, FeatureQuantizer.quantize(LOG_MIN_Q16 + STEP / 2 - 1));
        assertEquals(-127, FeatureQuantizer.quantize(LOG_MIN_Q16 + STEP / 2));
        assertEquals(-27, FeatureQuantizer.quantize(LOG_MIN_Q16 + 101 * STEP));
        assertEquals(-27, FeatureQuantizer.quantize(LOG_MIN_Q16 + 101 * STEP + STEP / 2 - 1));
        assertEquals(-26, FeatureQuantizer.quantize(LOG_MIN_Q16 + 101 * STEP + STEP / 2));
    }

    @Test
    void dequantizeGivesLog2UnitsAboveLogMin() {
        assertEquals(0.0, FeatureQuantizer.dequantize((byte) -128));
        assertEquals((LOG_MAX_Q16 - LOG_MIN_Q16) / 65536.0, FeatureQuantizer.dequantize((byte) 127), 1e-12);
        double l = 31.3;
        byte q = FeatureQuantizer.quantize((int) Math.round(l * 65536));
        assertEquals(l - LOG_MIN_Q16 / 65536.0, FeatureQuantizer.dequantize(q), FrontendConfig.FEATURE_SCALE / 2);
    }
}
