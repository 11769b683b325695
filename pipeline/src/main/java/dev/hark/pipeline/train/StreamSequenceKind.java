package dev.hark.pipeline.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the stream fine-tuning's sequences are made of ({@link StreamSequenceTuning}).
 */
public enum StreamSequenceKind {
    /**
     * The clips as recorded, glued end to end with background excerpts ({@code KeywordStreamBuilder}): what
     * {@code hark stream-tune} and the stream loss measured in docs/metrics.md and docs/benchmark.md trained on.
     */
    CLIPS,
    /**
     * Every piece cropped and varied as the sound stream measurement's pieces are ({@code VariedStreamBuilder}: speed,
     * shift, noise at 10 to 30 dB SNR, gain), so that the sequences are the kind of audio the measurement hears.
     */
    VARIED;

    /** As reports name it: "sequences of the clips as recorded", "varied sequences". */
    public String describe() {
        return this == CLIPS ? "sequences of the clips as recorded" : "varied sequences";
    }

    /** As options name it: "clips", "varied". */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException listing the names when {@code name} is none of them */
    public static StreamSequenceKind ofOptionName(String name) {
        for (StreamSequenceKind k : values()) {
            if (k.optionName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown sequences '" + name + "': "
                + Arrays.stream(values()).map(StreamSequenceKind::optionName).collect(Collectors.joining(", ")));
    }
}
