package dev.hark.trainer.data;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One utterance to synthesize.
 *
 * @param voice the speaker
 * @param text  lower-case words (letters, spaces, apostrophes), which keeps command lines and festival scripts safe
 * @param tempo speaking speed relative to the voice's normal speed, in [0.5, 2.5] (1.1 = 10% faster)
 * @param pitch relative pitch in [-1, 1]: 0 is the voice's own, +-1 is about +-3 semitones (engines that
 *              cannot shift pitch ignore it)
 */
record TtsRequest(TtsVoice voice, String text, double tempo, double pitch) {
    private static final Pattern TEXT = Pattern.compile("[a-z' ]+");

    TtsRequest {
        if (!TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("TTS text must be lower-case letters, spaces and apostrophes: '" + text + "'");
        }
        if (!(tempo >= 0.5 && tempo <= 2.5) || !(pitch >= -1 && pitch <= 1)) {
            throw new IllegalArgumentException("tempo " + tempo + " or pitch " + pitch + " out of range");
        }
        // Two decimals are plenty and make the cache key exact whatever arithmetic produced the values.
        tempo = Math.round(tempo * 100) / 100.0;
        pitch = Math.round(pitch * 100) / 100.0;
    }

    /** The same utterance at another speed. */
    TtsRequest withTempo(double newTempo) {
        return new TtsRequest(voice, text, Math.min(2.5, newTempo), pitch);
    }

    /** Identifies the synthesized audio: equal keys, equal engine command, equal output. */
    String cacheKey() {
        return Hashes.sha1Hex(String.format(Locale.ROOT, "%s|%s|%.2f|%.2f", voice.description(), text, tempo, pitch), 20);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "'%s' by %s (tempo %.2f, pitch %.2f)", text, voice.description(), tempo, pitch);
    }
}
