package dev.hark.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import java.util.Map;
import org.junit.jupiter.api.Test;

@Fast
class FrontendConfigTest {
    @Test
    void oneSecondIs101FramesOf40Features() {
        assertEquals(101, FrontendConfig.FRAMES_PER_SECOND);
        assertEquals(FrontendConfig.FRAMES_PER_SECOND, LogMelFrontend.frameCount(FrontendConfig.SAMPLE_RATE_HZ));
        assertEquals(1 << FrontendConfig.FFT_STAGES, FrontendConfig.FFT_SIZE);
    }

    /** The scale is 5/32 log2 units per step: exact in float, so the trainer's float scale loses nothing. */
    @Test
    void featureScaleIsExactInFloat() {
        assertEquals(5.0 / 32, FrontendConfig.FEATURE_SCALE);
        assertEquals(FrontendConfig.FEATURE_SCALE, (double) (float) FrontendConfig.FEATURE_SCALE);
        assertEquals(-128, FrontendConfig.FEATURE_ZERO_POINT);
    }

    @Test
    void integerConstantsAreListedUnderStableNames() {
        Map<String, Long> c = FrontendConfig.integerConstants();
        assertEquals(21, c.size());
        assertEquals(16000L, c.get("SAMPLE_RATE_HZ"));
        assertEquals(40L, c.get("MEL_BINS"));
        assertEquals((long) FrontendConfig.LOG_MAX_Q16, c.get("LOG_MAX_Q16"));
        assertEquals("SAMPLE_RATE_HZ", c.keySet().iterator().next());
    }
}
