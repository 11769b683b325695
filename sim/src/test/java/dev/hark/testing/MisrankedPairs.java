package dev.hark.testing;

/**
 * au_fa_fr ({@code 1 - ROC AUC}) by its definition: the fraction of (keyword, other) pairs that the scores rank the
 * wrong way round, ties counting half. It visits every pair, so it serves tests as the reference that the trainer's
 * faster threshold sweep and the chance levels are checked against.
 */
public final class MisrankedPairs {

    private MisrankedPairs() {
    }

    /**
     * @param scores  one score per clip, higher meaning more keyword-like
     * @param keyword whether each clip is a keyword clip
     * @return the misranked fraction of (keyword, other) pairs, in [0, 1]
     * @throws IllegalArgumentException unless both arrays have the same length and both classes are present
     */
    public static double fraction(double[] scores, boolean[] keyword) {
        if (scores.length != keyword.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + keyword.length + " clips");
        }
        double misranked = 0;
        long pairs = 0;
        for (int k = 0; k < scores.length; k++) {
            for (int o = 0; o < scores.length; o++) {
                if (keyword[k] && !keyword[o]) {
                    pairs++;
                    misranked += scores[k] < scores[o] ? 1 : scores[k] == scores[o] ? 0.5 : 0;
                }
            }
        }
        if (pairs == 0) {
            throw new IllegalArgumentException("misranked pairs need both classes");
        }
        return misranked / pairs;
    }
}
