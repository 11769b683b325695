package dev.hark.trainer.eval;

import dev.hark.trainer.train.Metrics;
import java.util.Arrays;
import java.util.Comparator;

/**
 * {@link Metrics#auFaFr} of one model's clip scores with each clip counted a whole number of times, as a bootstrap
 * resample counts it. The clips are ordered once; each weighting then costs one pass, which is what makes thousands
 * of resamples affordable. With every weight 1 the area is exactly {@link Metrics#auFaFr}'s, and a weight {@code w}
 * gives what {@link Metrics#auFaFr} gives with the clip repeated {@code w} times.
 */
final class WeightedAuFaFr {
    private final boolean[] isKeyword;
    /** Clip indices, highest score first. */
    private final int[] order;
    /** Where a run of equal scores starts in {@link #order}, and one past the last run's end. */
    private final int[] runStarts;

    /** @throws IllegalArgumentException if the arrays differ in length or a score is NaN */
    WeightedAuFaFr(float[] scores, boolean[] isKeyword) {
        if (scores.length != isKeyword.length) {
            throw new IllegalArgumentException("au_fa_fr: " + scores.length + " scores but " + isKeyword.length
                    + " labels");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("au_fa_fr: score " + i + " is NaN");
            }
        }
        this.isKeyword = isKeyword.clone();
        Integer[] sorted = new Integer[scores.length];
        Arrays.setAll(sorted, i -> i);
        Arrays.sort(sorted, Comparator.comparingDouble(i -> -scores[i]));
        order = new int[scores.length];
        int[] starts = new int[scores.length + 1];
        int runs = 0;
        for (int i = 0; i < sorted.length; i++) {
            order[i] = sorted[i];
            if (i == 0 || scores[sorted[i]] != scores[sorted[i - 1]]) {
                starts[runs++] = i;
            }
        }
        starts[runs++] = scores.length;
        runStarts = Arrays.copyOf(starts, runs);
    }

    /**
     * The area with clip {@code i} counted {@code weights[i]} times: the trapezoid sum of {@link Metrics#auFaFr},
     * in whole counts until the one division at the end.
     *
     * @throws IllegalArgumentException if the weights leave either class without a clip
     */
    double area(int[] weights) {
        long positives = 0;
        long negatives = 0;
        for (int i = 0; i < weights.length; i++) {
            if (isKeyword[i]) {
                positives += weights[i];
            } else {
                negatives += weights[i];
            }
        }
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("au_fa_fr needs both keyword and non-keyword clips, got " + positives
                    + " and " + negatives);
        }
        long twiceArea = 0;
        long keywordAccepted = 0;
        for (int r = 0; r + 1 < runStarts.length; r++) {
            long acceptedKeyword = 0;
            long acceptedOther = 0;
            for (int j = runStarts[r]; j < runStarts[r + 1]; j++) {
                int clip = order[j];
                if (isKeyword[clip]) {
                    acceptedKeyword += weights[clip];
                } else {
                    acceptedOther += weights[clip];
                }
            }
            long rejectedBefore = positives - keywordAccepted;
            twiceArea += acceptedOther * (2 * rejectedBefore - acceptedKeyword);
            keywordAccepted += acceptedKeyword;
        }
        return twiceArea / (2.0 * positives * negatives);
    }
}
