package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import java.util.List;

/**
 * A stream of held-out pieces, each varied on its own ({@link VariedStreamBuilder}), with its provenance.
 *
 * @param samples   16 kHz int16 PCM
 * @param keywords  the inserted keywords, in time order
 * @param stretches every piece, keywords included, in time order
 */
public record VariedStream(short[] samples, List<KeywordOccurrence> keywords, List<StreamStretch> stretches) {
    public VariedStream {
        keywords = List.copyOf(keywords);
        stretches = List.copyOf(stretches);
    }

    public double hours() {
        return samples.length / (double) FrontendConfig.SAMPLE_RATE_HZ / 3600;
    }

    /** Pieces whose label is {@code label}. */
    public long pieces(String label) {
        return stretches.stream().filter(s -> s.label().equals(label)).count();
    }
}
