package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;

/**
 * Where one keyword clip lies in a stream: samples {@code [startSample, endSample)}.
 *
 * @param startSample the clip's first sample
 * @param endSample   one past its last sample
 */
public record KeywordOccurrence(int startSample, int endSample) {
    /** @throws IllegalArgumentException if the clip starts before the stream or is empty */
    public KeywordOccurrence {
        if (startSample < 0 || endSample <= startSample) {
            throw new IllegalArgumentException("keyword occurrence: samples [" + startSample + ", " + endSample
                    + ") are not a clip");
        }
    }

    public double startSecond() {
        return startSample / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }

    public double endSecond() {
        return endSample / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }
}
