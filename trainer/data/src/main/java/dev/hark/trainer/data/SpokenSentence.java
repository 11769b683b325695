package dev.hark.trainer.data;

/**
 * One sentence read by one synthetic voice ({@link SyntheticSpeech}).
 *
 * @param id      names the utterance in reports: its number and voice, e.g. {@code "sentence 12 (flite slt)"}
 * @param text    what was read
 * @param samples 16 kHz int16, silence before and after trimmed
 */
public record SpokenSentence(String id, String text, short[] samples) {
    public SpokenSentence {
        if (samples.length == 0) {
            throw new IllegalArgumentException("spoken sentence " + id + ": no audio");
        }
    }
}
