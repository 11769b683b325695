package dev.hark.trainer.data;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One synthetic speaker: an engine, one of its voices, and a variant of that voice. In the corpus every voice
 * is a speaker, so a speaker split keeps a voice in a single split.
 *
 * @param engine  the TTS program
 * @param name    the engine's voice name: espeak-ng language voice ({@code en-us}, {@code en-gb-scotland}, ...),
 *                flite {@code -voice} name ({@code slt}, {@code kal16}, ...), festival voice without the
 *                {@code voice_} prefix ({@code kal_diphone}, {@code cmu_us_slt_arctic_hts}, ...)
 * @param variant espeak-ng: a variant name such as {@code m3}, {@code f2}, {@code klatt} or empty; festival HTS
 *                voices: the all-pass constant (vocal-tract warp) such as {@code 0.40}, or empty; else empty
 */
public record TtsVoice(TtsEngine engine, String name, String variant) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]*");

    /** @throws IllegalArgumentException for names with characters that could break a command line or script */
    public TtsVoice {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variant, "variant");
        if (name.isEmpty() || !SAFE.matcher(name).matches() || !SAFE.matcher(variant).matches()) {
            throw new IllegalArgumentException("voice name/variant may hold only letters, digits, _ . -: '"
                    + name + "' '" + variant + "'");
        }
        if (isHts(engine, name) && !variant.isEmpty()) {
            double alpha = Double.parseDouble(variant);
            if (alpha <= 0 || alpha >= 1) {
                throw new IllegalArgumentException("HTS all-pass constant must be in (0, 1), got " + variant);
            }
        }
    }

    public static TtsVoice espeak(String voice, String variant) {
        return new TtsVoice(TtsEngine.ESPEAK_NG, voice, variant);
    }

    public static TtsVoice flite(String voice) {
        return new TtsVoice(TtsEngine.FLITE, voice, "");
    }

    public static TtsVoice festival(String voice) {
        return new TtsVoice(TtsEngine.FESTIVAL, voice, "");
    }

    /** A festival HTS voice with its spectrum warped by all-pass constant {@code alpha} (bigger = smaller vocal tract). */
    public static TtsVoice festivalHts(String voice, double alpha) {
        return new TtsVoice(TtsEngine.FESTIVAL, voice, String.format(Locale.ROOT, "%.2f", alpha));
    }

    /** Human-readable and unique, e.g. {@code "espeak-ng en-gb-scotland+f2"}, {@code "festival cmu_us_slt_arctic_hts alpha=0.40"}. */
    public String description() {
        if (variant.isEmpty()) {
            return engine.executable() + " " + name;
        }
        return engine.executable() + " " + name + (isHts() ? " alpha=" : "+") + variant;
    }

    /** The speaker id used in file names: the first 8 hex digits of the SHA-1 of {@link #description()}. */
    public String speakerId() {
        return Hashes.sha1Hex(description(), 8);
    }

    boolean isHts() {
        return isHts(engine, name);
    }

    private static boolean isHts(TtsEngine engine, String name) {
        return engine == TtsEngine.FESTIVAL && name.endsWith("_hts");
    }
}
