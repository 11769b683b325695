package dev.hark.trainer.eval;

import dev.hark.trainer.train.Metrics;

/**
 * Clip-level quality of a keyword detector with 95% intervals.
 *
 * @param positives        keyword clips
 * @param negatives        other clips
 * @param auFaFr           {@link Metrics#auFaFr}, lower is better
 * @param auFaFrInterval   its 95% interval ({@link AuFaFrInterval})
 * @param correct          clips classified right at threshold 0.5 (keyword iff score {@code >= 0.5})
 * @param accuracy         {@code correct / (positives + negatives)}
 * @param accuracyInterval Beta(correct + 1, wrong + 1) central 95%
 * @param falseRejects     keyword clips scored below 0.5
 * @param frRateInterval   Beta(falseRejects + 1, positives - falseRejects + 1) central 95%
 * @param falseAlarms      other clips scored at or above 0.5
 * @param faRateInterval   Beta(falseAlarms + 1, negatives - falseAlarms + 1) central 95%
 */
public record ClipMetrics(int positives, int negatives, double auFaFr, Interval auFaFrInterval, int correct,
                          double accuracy, Interval accuracyInterval, int falseRejects, Interval frRateInterval,
                          int falseAlarms, Interval faRateInterval) {
    /** The decision threshold behind accuracy and the false-reject / false-alarm counts. */
    public static final float THRESHOLD = 0.5f;

    /**
     * @throws IllegalArgumentException if either class is absent
     */
    public static ClipMetrics of(Scores scores) {
        float[] s = scores.keywordScore();
        boolean[] k = scores.isKeyword();
        double area = Metrics.auFaFr(s, k);
        int positives = scores.positives();
        int negatives = scores.negatives();
        int falseRejects = 0;
        int falseAlarms = 0;
        for (int i = 0; i < s.length; i++) {
            boolean accepted = s[i] >= THRESHOLD;
            if (k[i] && !accepted) {
                falseRejects++;
            } else if (!k[i] && accepted) {
                falseAlarms++;
            }
        }
        int total = positives + negatives;
        int correct = total - falseRejects - falseAlarms;
        return new ClipMetrics(positives, negatives, area, AuFaFrInterval.of(scores, area), correct,
                (double) correct / total, BetaInterval.of(correct, total), falseRejects,
                BetaInterval.of(falseRejects, positives), falseAlarms, BetaInterval.of(falseAlarms, negatives));
    }

    /** False-reject rate at 0.5. */
    public double frRate() {
        return (double) falseRejects / positives;
    }

    /** False-alarm rate (per clip) at 0.5. */
    public double faRate() {
        return (double) falseAlarms / negatives;
    }
}
