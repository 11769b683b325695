package dev.hark.trainer.data;

import java.util.Locale;

/**
 * Which words are too like a keyword to appear in speech that must not contain it: the keyword itself, a word that
 * contains it or is contained in it (when the shorter has at least {@value #MIN_CONTAINED_LETTERS} letters: "she" in
 * "sheila", "stops" around "stop"), and a word within {@code max(1, keyword letters / 3)} letter edits of it
 * ("leila", "shelia" for "sheila"; "shop", "step" for "stop"). Spelling stands in for sound here: a crude rule,
 * but one that needs no dictionary and errs on the side of leaving words out.
 */
public final class KeywordLikeWords {
    /** Shorter words ("he", "a") are in too many words to count as part of the keyword. */
    static final int MIN_CONTAINED_LETTERS = 3;

    private KeywordLikeWords() {
    }

    /** Whether {@code word} is too like {@code keyword} (both compared in lower case). */
    public static boolean isLike(String word, String keyword) {
        String w = word.toLowerCase(Locale.ROOT);
        String k = keyword.toLowerCase(Locale.ROOT);
        String shorter = w.length() <= k.length() ? w : k;
        String longer = shorter == w ? k : w;
        if (shorter.length() >= MIN_CONTAINED_LETTERS && longer.contains(shorter)) {
            return true;
        }
        return w.equals(k) || editDistance(w, k) <= Math.max(1, k.length() / 3);
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one letter each cost 1. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
