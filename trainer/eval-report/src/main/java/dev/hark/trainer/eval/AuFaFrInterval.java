package dev.hark.trainer.eval;

import dev.hark.sim.Checks;
import java.util.Arrays;

/**
 * The 95% interval of au_fa_fr, as a Beta posterior with an effective sample size (see docs/metrics.md).
 *
 * <p>au_fa_fr is the fraction of (keyword, other) clip pairs that the scores put in the wrong order, ties
 * counted half. Those P x N pairs are not independent trials (each clip takes part in many), so the plain
 * Beta(misordered + 1, ordered + 1) would be far too narrow. Instead:
 * <ol>
 *   <li>DeLong's variance of the pair fraction: {@code V = S_pos / P + S_neg / N}, where {@code S_pos} is the
 *       sample variance over keyword clips of the fraction of other clips scored at or above them (ties half)
 *       and {@code S_neg} the same over the other clips;</li>
 *   <li>the effective number of trials {@code n = A (1 - A) / V}, the n for which a binomial rate with mean A
 *       has that variance, kept within {@code [P N / (P + N), P N]}: the lower end is what the variance is at
 *       its worst (every per-clip fraction 0 or 1), the upper end treats every pair as independent. When V
 *       is 0 (A is 0 or 1, or a class has a single clip) the lower end is used, which is the cautious
 *       choice;</li>
 *   <li>the interval is the central 95% of {@code Beta(A n + 1, (1 - A) n + 1)}, the uniform-prior posterior
 *       of {@code A n} "misordered" out of {@code n} trials; from 0 when A is 0, to 1 when A is 1
 *       ({@link BetaInterval#around}).</li>
 * </ol>
 */
public final class AuFaFrInterval {
    private AuFaFrInterval() {
    }

    /** The effective number of independent trials behind {@code auFaFr}; see the class comment. */
    public static double effectiveTrials(Scores scores, double auFaFr) {
        float[] pos = scores.positiveScores();
        float[] neg = scores.negativeScores();
        int p = pos.length;
        int n = neg.length;
        if (p == 0 || n == 0) {
            throw new IllegalArgumentException("au_fa_fr interval needs both keyword and other clips, got " + p
                    + " and " + n);
        }
        double floor = (double) p * n / (p + n);
        double ceiling = (double) p * n;
        if (p < 2 || n < 2) {
            return floor;
        }
        float[] sortedPos = pos.clone();
        float[] sortedNeg = neg.clone();
        Arrays.sort(sortedPos);
        Arrays.sort(sortedNeg);
        // Per keyword clip: the fraction of other clips scored above it (misordered pairs), ties half.
        double varPos = sampleVariance(pos, sortedNeg, true);
        // Per other clip: the fraction of keyword clips scored below it.
        double varNeg = sampleVariance(neg, sortedPos, false);
        double v = varPos / p + varNeg / n;
        if (!(v > 0)) {
            return floor;
        }
        double effective = auFaFr * (1 - auFaFr) / v;
        return Math.max(floor, Math.min(ceiling, effective));
    }

    /**
     * @param auFaFr the point estimate, {@code dev.hark.trainer.train.Metrics.auFaFr} of the same scores
     * @return the central 95% interval; see the class comment
     */
    public static Interval of(Scores scores, double auFaFr) {
        Checks.unitInterval("au_fa_fr interval: area", auFaFr);
        double n = effectiveTrials(scores, auFaFr);
        return BetaInterval.around(auFaFr, auFaFr * n + 1, (1 - auFaFr) * n + 1, BetaInterval.LEVEL);
    }

    /**
     * Sample variance (n - 1 denominator) over {@code own} of each clip's misordered fraction against
     * {@code otherSorted}: for a keyword clip the other clips above it, for another clip the keyword clips below.
     */
    private static double sampleVariance(float[] own, float[] otherSorted, boolean ownIsKeyword) {
        int m = otherSorted.length;
        double[] fraction = new double[own.length];
        double mean = 0;
        for (int i = 0; i < own.length; i++) {
            int below = lowerBound(otherSorted, own[i]);
            int notAbove = upperBound(otherSorted, own[i]);
            int ties = notAbove - below;
            int misordered = ownIsKeyword ? m - notAbove : below;
            fraction[i] = (misordered + 0.5 * ties) / m;
            mean += fraction[i];
        }
        mean /= own.length;
        double sum = 0;
        for (double f : fraction) {
            sum += (f - mean) * (f - mean);
        }
        return sum / (own.length - 1);
    }

    /** The first index whose value is {@code >= key}. */
    private static int lowerBound(float[] sorted, float key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose value is {@code > key}. */
    private static int upperBound(float[] sorted, float key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
