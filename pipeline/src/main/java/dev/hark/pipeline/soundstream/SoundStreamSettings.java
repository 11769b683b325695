package dev.hark.pipeline.soundstream;

import dev.hark.trainer.data.Split;

/**
 * What the sound stream measurement listens to.
 *
 * @param split       the held-out audio the streams are made of
 * @param hours       how much audio in all, split into streams of {@code streamHours}
 * @param streamHours each stream's length: the networks start afresh on each (bounds the memory a stream takes)
 * @param seed        fixes every stream
 * @param sentences   synthetic sentences to synthesize for the streams; 0 for none
 */
public record SoundStreamSettings(Split split, double hours, double streamHours, long seed, int sentences) {
    /** The least: five hours. */
    public static final double DEFAULT_HOURS = 5;
    /** One hour per stream. */
    public static final double DEFAULT_STREAM_HOURS = 1;
    /** About as many as the streams use at their default share of speech, so few sentences are heard twice. */
    public static final int DEFAULT_SENTENCES = 1000;

    /** @throws IllegalArgumentException naming the value out of range */
    public SoundStreamSettings {
        if (!(hours > 0) || !(streamHours > 0) || Double.isInfinite(hours)) {
            throw new IllegalArgumentException("sound streams: hours must be positive, got " + hours + " h in streams "
                    + "of " + streamHours + " h");
        }
        if (sentences < 0) {
            throw new IllegalArgumentException("sound streams: sentences must be at least 0, got " + sentences);
        }
    }

    /** Streams of {@link #streamHours}, the last shorter when the hours are not a multiple. */
    public int streams() {
        return (int) Math.ceil(hours / streamHours - 1e-9);
    }

    /** The length of stream {@code n}, in seconds. */
    public double streamSeconds(int n) {
        return 3600 * Math.min(streamHours, hours - n * streamHours);
    }
}
