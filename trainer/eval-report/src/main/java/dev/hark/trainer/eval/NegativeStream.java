package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;

/**
 * A long recording without the keyword, for counting false alarms.
 *
 * @param samples     16 kHz int16 PCM
 * @param clipPieces  how many negative clips were glued in (clips repeat when the stream is longer than the set)
 * @param noisePieces how many background-noise excerpts were glued in
 */
public record NegativeStream(short[] samples, int clipPieces, int noisePieces) {
    public double seconds() {
        return samples.length / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }

    public double hours() {
        return seconds() / 3600;
    }
}
