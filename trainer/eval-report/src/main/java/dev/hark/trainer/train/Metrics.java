package dev.hark.trainer.train;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Keyword-spotting quality measures over per-clip keyword probabilities.
 *
 * <p><b>au_fa_fr</b> is the area under the curve of false-reject rate (keyword clips scored below the
 * threshold, over all keyword clips) against false-alarm rate (other clips scored at or above it, over all
 * other clips), as the threshold sweeps every value. Lower is better: 0 means some threshold separates the
 * classes perfectly, 0.5 is chance. The curve runs from (FA 0, FR 1) with the threshold above every score to
 * (FA 1, FR 0) with it at the lowest score; clips with equal scores change both rates together, which draws a
 * straight segment. Integrated with the trapezoid rule, the area equals {@code 1 - ROC AUC} with ties counted
 * as half.
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * @param keywordProbability one score per clip; any monotone score works (only the order matters)
     * @param isKeyword          whether each clip holds the keyword
     * @return the area, in [0, 1]
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN, or either class is absent
     */
    public static double auFaFr(float[] keywordProbability, boolean[] isKeyword) {
        int n = keywordProbability.length;
        if (isKeyword.length != n) {
            throw new IllegalArgumentException("au_fa_fr: " + n + " scores but " + isKeyword.length + " labels");
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(keywordProbability[i])) {
                throw new IllegalArgumentException("au_fa_fr: score " + i + " is NaN");
            }
            positives += isKeyword[i] ? 1 : 0;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("au_fa_fr needs both keyword and non-keyword clips, got "
                    + positives + " and " + negatives);
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -keywordProbability[i])); // highest score first

        // Integrate in integer counts, divided once at the end, so the area is exact: 0 for a perfect ranking,
        // never a rounding error below it.
        long twiceArea = 0; // in units of 1 / (positives * negatives)
        long keywordAccepted = 0;
        int i = 0;
        while (i < n) {
            // Lower the threshold to the next distinct score: every clip with that score turns positive.
            float score = keywordProbability[order[i]];
            long acceptedKeyword = 0;
            long acceptedOther = 0;
            while (i < n && keywordProbability[order[i]] == score) {
                if (isKeyword[order[i]]) {
                    acceptedKeyword++;
                } else {
                    acceptedOther++;
                }
                i++;
            }
            // Trapezoid: width acceptedOther / negatives, heights FR before and after = rejected / positives.
            long rejectedBefore = positives - keywordAccepted;
            long rejectedAfter = rejectedBefore - acceptedKeyword;
            twiceArea += acceptedOther * (rejectedBefore + rejectedAfter);
            keywordAccepted += acceptedKeyword;
        }
        return twiceArea / (2.0 * positives * negatives);
    }

    /** The fraction of clips whose predicted class (keyword iff probability >= 0.5) matches the label. */
    public static double accuracy(float[] keywordProbability, boolean[] isKeyword) {
        if (isKeyword.length != keywordProbability.length || isKeyword.length == 0) {
            throw new IllegalArgumentException("accuracy: " + keywordProbability.length + " scores, "
                    + isKeyword.length + " labels");
        }
        int correct = 0;
        for (int i = 0; i < isKeyword.length; i++) {
            correct += (keywordProbability[i] >= 0.5f) == isKeyword[i] ? 1 : 0;
        }
        return (double) correct / isKeyword.length;
    }
}
