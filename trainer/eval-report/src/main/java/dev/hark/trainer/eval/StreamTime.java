package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.StreamingFrontend;

/**
 * Time in a listened stream. A feature frame is complete once its window's last sample has arrived
 * ({@link StreamingFrontend#samplesForFrame}); a step happens, and a detection is made, at the moment its last
 * frame is complete, which is the time a device would report it.
 */
public final class StreamTime {
    /** Feature frames per second (10 ms hop). */
    public static final int FRAMES_PER_SECOND = FrontendConfig.SAMPLE_RATE_HZ / FrontendConfig.HOP_SAMPLES;

    private StreamTime() {
    }

    /** The second at which frame {@code frame} (0-based from the stream's start) is complete. */
    public static double frameCompleteSecond(long frame) {
        return StreamingFrontend.samplesForFrame(frame) / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }
}
