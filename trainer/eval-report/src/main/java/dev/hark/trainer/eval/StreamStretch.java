package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;

/**
 * Where one varied piece lies in a stream, samples {@code [startSample, endSample)}, and which source it was made
 * from: the stream's provenance, one stretch per piece.
 *
 * @param startSample the piece's first sample
 * @param endSample   one past its last
 * @param sourceId    {@link StreamSource#id()} of the source it varies
 * @param label       {@link StreamSource#label()} of that source
 * @param keyword     whether it is an inserted keyword
 */
public record StreamStretch(int startSample, int endSample, String sourceId, String label, boolean keyword) {
    /** @throws IllegalArgumentException if the stretch is empty or starts before the stream */
    public StreamStretch {
        if (startSample < 0 || endSample <= startSample) {
            throw new IllegalArgumentException("stream stretch " + sourceId + ": samples [" + startSample + ", "
                    + endSample + ") are not a piece");
        }
    }

    /** Samples of {@code [from, to)} inside this stretch. */
    public long overlap(long from, long to) {
        return Math.max(0, Math.min(to, endSample) - Math.max(from, startSample));
    }

    public double startSecond() {
        return startSample / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }
}
