package dev.hark.trainer.eval;

/**
 * One piece of held-out audio a stream can be made of, with what it is, so that whatever a detector does on it can
 * be traced back ({@link StreamStretch}).
 *
 * @param id      names this source among all of a measurement, e.g. a clip's path relative to its data folder, a
 *                background recording's name, a synthetic sentence's number and voice
 * @param label   what it holds, for the report: the word of a word clip, {@value #BACKGROUND},
 *                {@value #SYNTHETIC_SPEECH}
 * @param samples 16 kHz int16
 */
public record StreamSource(String id, String label, short[] samples) {
    /** The label of background-recording excerpts. */
    public static final String BACKGROUND = "background";
    /** The label of sentences read by text-to-speech voices. */
    public static final String SYNTHETIC_SPEECH = "synthetic speech";

    /** @throws IllegalArgumentException if there is no audio */
    public StreamSource {
        if (samples.length == 0) {
            throw new IllegalArgumentException("stream source " + id + ": no audio");
        }
    }
}
