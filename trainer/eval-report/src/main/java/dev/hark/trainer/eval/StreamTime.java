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

    /**
     * Steps per second of audio of a network that steps every {@code hopFrames} feature frames (its convolution's
     * time stride): {@link #FRAMES_PER_SECOND} / {@code hopFrames}, e.g. 12.5 for a hop of 8 frames (80 ms).
     */
    public static double stepsPerSecond(int hopFrames) {
        if (hopFrames < 1) {
            throw new IllegalArgumentException("a step of " + hopFrames + " frames");
        }
        return FRAMES_PER_SECOND / (double) hopFrames;
    }

    /** The second at which frame {@code frame} (0-based from the stream's start) is complete. */
    public static double frameCompleteSecond(long frame) {
        return StreamingFrontend.samplesForFrame(frame) / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }
}
