package dev.hark.trainer.eval;

/**
 * McNemar's exact test of two models' decisions on the same clips at one operating point: only the discordant
 * clips count, those A gets right and B wrong ({@code aOnly}) and the reverse ({@code bOnly}). If neither model is
 * better, each discordant clip is a fair coin, so the two-sided p-value is the binomial probability of a split at
 * least as uneven: {@code min(1, 2 * P[X <= min(aOnly, bOnly)])} with {@code X ~ Binomial(aOnly + bOnly, 1/2)}.
 *
 * @param aOnly  clips A decides correctly and B does not
 * @param bOnly  clips B decides correctly and A does not
 * @param pValue the exact two-sided p-value; 1 when there is no discordant clip
 */
public record McNemar(int aOnly, int bOnly, double pValue) {
    /** The conventional level below which a p-value is taken as a difference. */
    public static final double LEVEL = 0.05;

    /** @throws IllegalArgumentException if a count is negative */
    public static McNemar exact(int aOnly, int bOnly) {
        if (aOnly < 0 || bOnly < 0) {
            throw new IllegalArgumentException("McNemar: negative discordant count " + aOnly + ", " + bOnly);
        }
        int n = aOnly + bOnly;
        int k = Math.min(aOnly, bOnly);
        // Terms C(n, i) / 2^n in logarithms, each from the one before, so that large n neither overflows nor
        // underflows before the sum.
        double logTerm = n * Math.log(0.5);
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logTerm);
            logTerm += Math.log((double) (n - i) / (i + 1));
        }
        return new McNemar(aOnly, bOnly, Math.min(1, 2 * tail));
    }

    /**
     * The test on two models' keyword scores for the same clips, each clip decided as a keyword when its score is at
     * least {@code threshold} (the operating point, e.g. {@link ClipMetrics#THRESHOLD}).
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static McNemar atThreshold(float[] a, float[] b, boolean[] isKeyword, float threshold) {
        if (a.length != b.length || a.length != isKeyword.length) {
            throw new IllegalArgumentException("McNemar: " + a.length + " and " + b.length + " scores for "
                    + isKeyword.length + " labels");
        }
        int aOnly = 0;
        int bOnly = 0;
        for (int i = 0; i < a.length; i++) {
            boolean aRight = (a[i] >= threshold) == isKeyword[i];
            boolean bRight = (b[i] >= threshold) == isKeyword[i];
            if (aRight && !bRight) {
                aOnly++;
            } else if (bRight && !aRight) {
                bOnly++;
            }
        }
        return exact(aOnly, bOnly);
    }

    /** A better (more clips right) or B better when the p-value is below {@code level}; else cannot tell. */
    public Verdict verdict(double level) {
        if (pValue >= level || aOnly == bOnly) {
            return Verdict.CANNOT_TELL;
        }
        return aOnly > bOnly ? Verdict.A_BETTER : Verdict.B_BETTER;
    }
}
