package dev.hark.pipeline.crossval;

import dev.hark.trainer.augment.ClipRandom;
import dev.hark.trainer.augment.NoiseNegatives;
import dev.hark.trainer.features.LabelledFeatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The speakers of a corpus dealt into {@code k} folds, deterministically from a seed: the speakers who say the
 * keyword first, then the others, each group in the order of a hash of the seed and the speaker, dealt in turn as
 * cards are, so every fold gets as many keyword speakers as the others (give or take one) and as many speakers. A
 * speaker is in exactly one fold, so a model tested on a fold never heard its speakers.
 *
 * <p>Each fold's dev speakers (for choosing the kept epoch) are carved from the other folds the same way: the first
 * {@code share} of the training folds' keyword speakers and of their other speakers, in the order of a second hash,
 * at least one of each.
 */
public final class SpeakerFolds {
    private final int folds;
    private final long seed;
    private final Map<String, Integer> foldOf;
    private final Set<String> keywordSpeakers;

    private SpeakerFolds(int folds, long seed, Map<String, Integer> foldOf, Set<String> keywordSpeakers) {
        this.folds = folds;
        this.seed = seed;
        this.foldOf = foldOf;
        this.keywordSpeakers = keywordSpeakers;
    }

    /**
     * @param wordClips the word clips (noise negatives, which have no speaker, are left out whatever is given)
     * @throws IllegalArgumentException if {@code folds < 2} or fewer speakers say the keyword than there are folds
     */
    public static SpeakerFolds of(List<LabelledFeatures> wordClips, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        Set<String> keyword = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (LabelledFeatures clip : wordClips) {
            if (!clip.word().equals(NoiseNegatives.WORD) && clip.label() == 1) {
                keyword.add(clip.speaker());
            }
        }
        for (LabelledFeatures clip : wordClips) {
            if (!clip.word().equals(NoiseNegatives.WORD) && !keyword.contains(clip.speaker())) {
                others.add(clip.speaker());
            }
        }
        if (keyword.size() < folds) {
            throw new IllegalArgumentException(folds + " folds need at least as many speakers who say the keyword, "
                    + "found " + keyword.size());
        }
        Map<String, Integer> foldOf = new HashMap<>();
        int dealt = 0;
        for (Set<String> group : List.of(keyword, others)) {
            for (String speaker : shuffled(group, "hark-speaker-fold/1:" + seed)) {
                foldOf.put(speaker, dealt++ % folds);
            }
        }
        return new SpeakerFolds(folds, seed, foldOf, keyword);
    }

    public int folds() {
        return folds;
    }

    /**
     * The 0-based fold of a speaker.
     *
     * @throws IllegalArgumentException if the speaker is not one of the corpus's
     */
    public int foldOf(String speaker) {
        Integer fold = foldOf.get(speaker);
        if (fold == null) {
            throw new IllegalArgumentException("speaker '" + speaker + "' is not in the folds");
        }
        return fold;
    }

    /** The speakers of fold {@code fold}, sorted. */
    public Set<String> speakers(int fold) {
        Set<String> in = new TreeSet<>();
        foldOf.forEach((speaker, f) -> {
            if (f == fold) {
                in.add(speaker);
            }
        });
        return in;
    }

    /**
     * The dev speakers while {@code testFold} is tested: about {@code share} of the other folds' keyword speakers and
     * of their other speakers (at least one of each group that has any).
     *
     * @throws IllegalArgumentException if {@code share} is not in (0, 1)
     */
    public Set<String> devSpeakers(int testFold, double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the dev share must be between 0 and 1, got " + share);
        }
        Set<String> dev = new LinkedHashSet<>();
        for (boolean saysKeyword : List.of(true, false)) {
            List<String> group = new ArrayList<>();
            foldOf.forEach((speaker, f) -> {
                if (f != testFold && keywordSpeakers.contains(speaker) == saysKeyword) {
                    group.add(speaker);
                }
            });
            if (group.isEmpty()) {
                continue;
            }
            int take = Math.max(1, (int) Math.round(share * group.size()));
            dev.addAll(shuffled(group, "hark-speaker-fold-dev/1:" + seed + ":" + testFold).subList(0, take));
        }
        return dev;
    }

    /** The speakers in the order of the SHA-1-named stream of {@code salt} and each speaker. */
    private static List<String> shuffled(Iterable<String> speakers, String salt) {
        List<String> order = new ArrayList<>();
        speakers.forEach(order::add);
        Map<String, Long> key = new HashMap<>();
        for (String speaker : order) {
            key.put(speaker, ClipRandom.named(salt + ":" + speaker).nextLong());
        }
        order.sort(Comparator.<String>comparingLong(key::get).thenComparing(Comparator.naturalOrder()));
        return order;
    }
}
