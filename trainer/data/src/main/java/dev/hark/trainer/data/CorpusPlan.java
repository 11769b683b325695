package dev.hark.trainer.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Decides every clip of a synthetic corpus up front from the seed alone: who says which word, how fast, how
 * high, how loud, where in the second, and over which noise at what SNR. Each clip draws from its own
 * seed (master seed + word + number), so the plan does not depend on the order clips are rendered in.
 */
final class CorpusPlan {
    /** Folder of the noise-only negative clips. */
    static final String NOISE_WORD = "noise";
    /**
     * How many times more often a flite or festival voice is picked than one espeak-ng voice: there are few of
     * them and they sound the most natural, while espeak-ng contributes many formant-synthesized variants.
     */
    static final int NATURAL_VOICE_WEIGHT = 4;

    static final double MIN_LEVEL_DBFS = -24;
    static final double MAX_LEVEL_DBFS = -3;
    static final double MIN_SNR_DB = 5;
    static final double MAX_SNR_DB = 30;
    static final double MIN_NOISE_CLIP_DBFS = -55;
    static final double MAX_NOISE_CLIP_DBFS = -15;

    private CorpusPlan() {
    }

    static List<ClipSpec> build(SyntheticCorpus c) {
        List<ClipSpec> specs = new ArrayList<>();
        Map<String, Integer> perSpeakerWord = new HashMap<>();
        List<String> words = new ArrayList<>();
        words.add(c.keyword());
        words.addAll(c.negativeWords());
        for (String word : words) {
            int n = word.equals(c.keyword()) ? c.keywordClips() : c.clipsPerNegativeWord();
            Random order = new Random(Hashes.seed(c.seed(), "voices/" + word));
            List<TtsVoice> slots = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % weightedVoices(c.voices()).size() == 0) {
                    // A fresh shuffle per round through the voices: every voice says the word about equally often.
                    slots = shuffled(weightedVoices(c.voices()), order);
                }
                TtsVoice voice = slots.get(i % slots.size());
                Random r = new Random(Hashes.seed(c.seed(), "clip/" + word + "/" + i));
                boolean espeak = voice.engine() == TtsEngine.ESPEAK_NG;
                double tempo = espeak ? uniform(r, 0.6, 1.1) : uniform(r, 0.65, 1.15);
                double pitch = uniform(r, -1, 1);
                TtsRequest request = new TtsRequest(voice, word, tempo, pitch);
                String speaker = voice.speakerId();
                int index = perSpeakerWord.merge(word + "/" + speaker, 1, Integer::sum) - 1;
                specs.add(new ClipSpec(word, speaker, index, request, uniform(r, MIN_LEVEL_DBFS, MAX_LEVEL_DBFS),
                        uniform(r, MIN_SNR_DB, MAX_SNR_DB), r.nextInt(BackgroundNoise.NAMES.size()),
                        r.nextDouble(), r.nextDouble()));
            }
        }
        for (int i = 0; i < c.noiseClips(); i++) {
            Random r = new Random(Hashes.seed(c.seed(), "clip/" + NOISE_WORD + "/" + i));
            // Each noise clip is its own pseudo-speaker, so the speaker split spreads them over all splits.
            String speaker = Hashes.sha1Hex(c.seed() + "/noise/" + i, 8);
            specs.add(new ClipSpec(NOISE_WORD, speaker, 0, null, uniform(r, MIN_NOISE_CLIP_DBFS, MAX_NOISE_CLIP_DBFS),
                    0, r.nextInt(BackgroundNoise.NAMES.size()), r.nextDouble(), 0));
        }
        return specs;
    }

    static List<TtsVoice> weightedVoices(List<TtsVoice> voices) {
        List<TtsVoice> out = new ArrayList<>();
        for (TtsVoice v : voices) {
            int w = v.engine() == TtsEngine.ESPEAK_NG ? 1 : NATURAL_VOICE_WEIGHT;
            for (int k = 0; k < w; k++) {
                out.add(v);
            }
        }
        return out;
    }

    /** Fisher-Yates with our own loop, so the order is fixed by the seed on every Java version. */
    private static <T> List<T> shuffled(List<T> items, Random r) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
