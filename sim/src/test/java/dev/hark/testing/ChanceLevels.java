package dev.hark.testing;

/**
 * Levels of a two-class detector that guessing reaches only with negligible probability, for tests of training:
 * such a test should assert that the trained model learned something, not the figures one run happened to reach.
 * Each level lies {@value #STANDARD_ERRORS} standard errors past what guessing scores on average (one-sided
 * probability below 3e-7 under the normal approximation), so a model beyond it has learned from the data; on a
 * learnable toy problem any working training passes it by far.
 */
public final class ChanceLevels {
    /** How many standard errors past chance a level lies. */
    public static final double STANDARD_ERRORS = 5;

    private ChanceLevels() {
    }

    /**
     * An accuracy above which a classifier beats guessing: the majority class's share (what always answering the
     * larger class scores, and no guess independent of the clip does better on average) plus
     * {@value #STANDARD_ERRORS} binomial standard errors.
     *
     * @param positives clips of one class in the evaluated set
     * @param negatives clips of the other class
     * @throws IllegalArgumentException unless both classes are present
     */
    public static double accuracy(int positives, int negatives) {
        requireBothClasses(positives, negatives);
        int n = positives + negatives;
        double majority = Math.max(positives, negatives) / (double) n;
        return majority + STANDARD_ERRORS * Math.sqrt(majority * (1 - majority) / n);
    }

    /**
     * An au_fa_fr (the area under false rejects over false alarms, {@code 1 - ROC AUC}) below which scores rank the
     * classes better than chance: 0.5 minus {@value #STANDARD_ERRORS} standard errors of the area for scores that
     * do not depend on the class (the Mann-Whitney statistic's, {@code sqrt((n1 + n0 + 1) / (12 n1 n0))}).
     *
     * @throws IllegalArgumentException unless both classes are present
     */
    public static double auFaFr(int positives, int negatives) {
        requireBothClasses(positives, negatives);
        double n1 = positives;
        double n0 = negatives;
        return 0.5 - STANDARD_ERRORS * Math.sqrt((n1 + n0 + 1) / (12 * n1 * n0));
    }

    private static void requireBothClasses(int positives, int negatives) {
        if (positives < 1 || negatives < 1) {
            throw new IllegalArgumentException("chance levels need both classes, got " + positives + " and "
                    + negatives + " clips");
        }
    }
}
