package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import java.util.List;

/**
 * A long test recording: negative clips and background noise glued end to end, with keyword clips inserted at
 * known places ({@link KeywordStreamBuilder}). A stream without keywords measures false alarms alone.
 *
 * @param samples        16 kHz int16 PCM
 * @param keywords       the inserted keyword clips, in time order
 * @param negativePieces how many negative clips were glued in (clips repeat when the stream is longer than the set)
 * @param noisePieces    how many background-noise excerpts were glued in
 * @param seed           the seed the pieces were drawn with
 */
public record KeywordStream(short[] samples, List<KeywordOccurrence> keywords, int negativePieces, int noisePieces,
                            long seed) {
    public KeywordStream {
        keywords = List.copyOf(keywords);
    }

    public double seconds() {
        return samples.length / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }

    public double hours() {
        return seconds() / 3600;
    }
}
