package dev.hark.trainer.augment;

import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.SpeechTrimmer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Negatives that hold part of the keyword: the first part of a keyword clip's speech followed by another word, or
 * another word followed by the last part of it. A network that listens hears such pieces all the time (a word that
 * starts or ends like the keyword, a keyword cut off) and must answer only once it has heard the whole keyword;
 * trained on whole, centred clips alone it never learns that the rest of the word matters. openWakeWord trains on
 * partial phrases the same way (../shared/docs/streaming-detection.md, section 5).
 *
 * <p>The part kept is 30 to 70% of the keyword's speech (its extent as {@link SpeechTrimmer#speechBounds} finds it),
 * the other word's speech is taken whole or, when both do not fit one second, cut on the side away from the join;
 * the join is faded over 5 ms each side so that no click marks it. Every choice comes from a {@link ClipRandom} named
 * by (seed, keyword clip, number), so the clips are the same on every machine and run.
 */
public final class PartialKeywords {
    /** The word of partial-keyword negatives (never a keyword: words starting with {@code _} are not words). */
    public static final String WORD = "_partial_keyword_";
    /** The least and most of the keyword's speech kept. */
    public static final double MIN_PART = 0.3;
    public static final double MAX_PART = 0.7;

    private static final int FADE_SAMPLES = 80;

    private PartialKeywords() {
    }

    /**
     * {@code perKeyword} negatives per keyword clip, keyword clip by keyword clip. A keyword clip without any signal
     * gives none.
     *
     * @param keywordClips clips of the keyword (of the training split only)
     * @param otherWords   clips of other words to splice with (of the same split)
     * @throws IllegalArgumentException if {@code perKeyword} is negative, or positive without other words
     */
    public static List<Clip> clips(List<Clip> keywordClips, List<Clip> otherWords, int perKeyword, long seed) {
        if (perKeyword < 0) {
            throw new IllegalArgumentException("partial keywords: clips per keyword clip must be at least 0, got "
                    + perKeyword);
        }
        if (perKeyword > 0 && otherWords.isEmpty()) {
            throw new IllegalArgumentException("partial keywords: no other words to splice the keyword with");
        }
        List<Clip> out = new ArrayList<>();
        for (int k = 0; k < keywordClips.size() && perKeyword > 0; k++) {
            Clip keyword = keywordClips.get(k);
            float[] keywordAudio = AudioTransforms.toFloat(keyword.samples());
            int[] bounds = SpeechTrimmer.speechBounds(keywordAudio);
            if (bounds == null) {
                continue;
            }
            for (int j = 0; j < perKeyword; j++) {
                ClipRandom random = ClipRandom.named("hark-partial-keyword/1:" + seed + ":" + k + ":" + j);
                boolean keywordFirst = random.chance(0.5);
                Clip other = otherWords.get(random.nextInt(otherWords.size()));
                double part = random.uniform(MIN_PART, MAX_PART);
                int speech = bounds[1] - bounds[0];
                int kept = Math.max(1, (int) Math.round(part * speech));
                float[] keywordPart = keywordFirst
                        ? slice(keywordAudio, bounds[0], bounds[0] + kept)
                        : slice(keywordAudio, bounds[1] - kept, bounds[1]);
                float[] otherAudio = AudioTransforms.toFloat(other.samples());
                int[] otherBounds = SpeechTrimmer.speechBounds(otherAudio);
                int from = otherBounds == null ? 0 : otherBounds[0];
                int to = otherBounds == null ? otherAudio.length : otherBounds[1];
                int room = Clip.LENGTH - keywordPart.length;
                if (to - from > room) {
                    // Keep the other word's side next to the join: its end before the keyword, its start after.
                    if (keywordFirst) {
                        to = from + room;
                    } else {
                        from = to - room;
                    }
                }
                float[] otherPart = slice(otherAudio, from, to);
                float[] spliced = keywordFirst ? join(keywordPart, otherPart) : join(otherPart, keywordPart);
                Path source = keyword.source().resolveSibling(keyword.source().getFileName() + "#partial-" + j);
                out.add(Clip.fitted(source, WORD, keyword.speaker(), AudioTransforms.toInt16(spliced)));
            }
        }
        return out;
    }

    private static float[] slice(float[] audio, int from, int to) {
        float[] out = new float[to - from];
        System.arraycopy(audio, from, out, 0, out.length);
        return out;
    }

    /** {@code a} then {@code b}, each faded at the join. */
    static float[] join(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        int fadeA = Math.min(FADE_SAMPLES, a.length);
        for (int i = 0; i < fadeA; i++) {
            out[a.length - 1 - i] *= (float) i / fadeA;
        }
        int fadeB = Math.min(FADE_SAMPLES, b.length);
        for (int i = 0; i < fadeB; i++) {
            out[a.length + i] *= (float) i / fadeB;
        }
        return out;
    }
}
