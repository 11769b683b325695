package dev.hark.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The corpus's {@code _background_noise_/} recordings, generated offline: white, pink and brown noise, mains
 * hum, a machine, and babble built from TTS words. The order of {@link #NAMES} is the noise index used in
 * clip specs.
 */
final class BackgroundNoise {
    static final List<String> NAMES = List.of("white_noise", "pink_noise", "brown_noise", "hum", "machine", "babble");
    static final int BABBLE_INDEX = 5;
    static final int BABBLE_STREAMS = 6;

    /** Everyday words for babble; none sounds like a keyword candidate. */
    static final List<String> BABBLE_WORDS = List.of("the", "and", "weather", "coffee", "table", "morning", "window",
            "paper", "yesterday", "music", "people", "kitchen", "number", "picture", "garden", "tomorrow", "really",
            "maybe", "water", "station", "minute", "doctor", "market", "evening", "brother", "city", "money",
            "about", "little", "because", "train", "dinner");

    private BackgroundNoise() {
    }

    /** The words (as TTS requests) babble is made of: about enough for {@code seconds} of each stream. */
    static List<TtsRequest> babbleRequests(long seed, List<TtsVoice> voices, int seconds) {
        Random rnd = new Random(Hashes.seed(seed, "babble-words"));
        int count = BABBLE_STREAMS * Math.max(2, seconds * 2); // words last ~0.5 s with pauses ~0.2 s
        List<TtsRequest> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TtsVoice v = voices.get(rnd.nextInt(voices.size()));
            String w = BABBLE_WORDS.get(rnd.nextInt(BABBLE_WORDS.size()));
            out.add(new TtsRequest(v, w, 0.9 + 0.3 * rnd.nextDouble(), 2 * rnd.nextDouble() - 1));
        }
        return out;
    }

    /** Generates recording {@code index} of {@link #NAMES}; babble needs the trimmed babble words. */
    static float[] generate(int index, long seed, int samples, List<float[]> babbleWords) {
        Random rnd = new Random(Hashes.seed(seed, "noise/" + NAMES.get(index)));
        return switch (index) {
            case 0 -> NoiseSynth.white(rnd, samples);
            case 1 -> NoiseSynth.pink(rnd, samples);
            case 2 -> NoiseSynth.brown(rnd, samples);
            case 3 -> NoiseSynth.hum(rnd, samples);
            case 4 -> NoiseSynth.machine(rnd, samples);
            case BABBLE_INDEX -> NoiseSynth.babble(rnd, samples, babbleWords, BABBLE_STREAMS);
            default -> throw new IllegalArgumentException("no background noise " + index);
        };
    }
}
