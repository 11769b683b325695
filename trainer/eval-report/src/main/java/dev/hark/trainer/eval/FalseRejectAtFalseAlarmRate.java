package dev.hark.trainer.eval;

import java.util.Arrays;

/**
 * The product metric: the false-reject rate of keyword clips at the lowest threshold whose false alarms on a
 * long negative stream stay within a budget per hour.
 *
 * <p>False alarms are counted by {@link FalseAlarmCounter}; a keyword clip is rejected when its score is
 * below the threshold. Intervals are central 95% Beta posteriors: the false-reject rate from
 * Beta(rejects + 1, accepted + 1); the false alarms per hour from Beta(alarms + 1, slots - alarms + 1), the
 * per-slot alarm probability (slots = refractory periods in the stream, {@link FalseAlarmCounter#slots}),
 * scaled by slots per hour.
 *
 * @param targetFaPerHour   the budget
 * @param threshold         the chosen threshold (a keyword clip is accepted at {@code score >= threshold});
 *                          above every stream score when even a single alarm would break the budget
 * @param falseAlarms       alarms on the stream at that threshold
 * @param hours             the stream's length
 * @param faPerHour         {@code falseAlarms / hours}
 * @param faPerHourInterval its 95% interval
 * @param falseRejects      keyword clips scored below the threshold
 * @param positives         keyword clips
 * @param frRate            {@code falseRejects / positives}
 * @param frRateInterval    its 95% interval
 */
public record FalseRejectAtFalseAlarmRate(double targetFaPerHour, float threshold, int falseAlarms, double hours,
                                          double faPerHour, Interval faPerHourInterval, int falseRejects,
                                          int positives, double frRate, Interval frRateInterval) {

    /** {@link #of(float[], StreamScores, double, double, double)} with the stream's own length and a 1 s refractory period. */
    public static FalseRejectAtFalseAlarmRate of(float[] positiveScores, StreamScores stream,
                                                 double targetFaPerHour) {
        return of(positiveScores, stream, stream.hours(), targetFaPerHour,
                FalseAlarmCounter.DEFAULT_REFRACTORY_SECONDS);
    }

    /** {@link #of(float[], StreamScores, double, double, double)} with a 1 s refractory period. */
    public static FalseRejectAtFalseAlarmRate of(float[] positiveScores, StreamScores stream, double hours,
                                                 double targetFaPerHour) {
        return of(positiveScores, stream, hours, targetFaPerHour, FalseAlarmCounter.DEFAULT_REFRACTORY_SECONDS);
    }

    /**
     * Picks the threshold: the lowest candidate (a value just above some stream score) with at most
     * {@code floor(target x hours)} alarms, found by bisection over the sorted stream scores. Alarm counts
     * fall as the threshold rises except for rare refractory effects; a found threshold that breaks the budget
     * is raised until it does not, so the budget always holds.
     *
     * @param positiveScores    scores of the test keyword clips (at least one)
     * @param stream            window scores of the negative stream
     * @param hours             the stream's length in hours (positive)
     * @param targetFaPerHour   the budget (non-negative)
     * @param refractorySeconds see {@link FalseAlarmCounter}
     */
    public static FalseRejectAtFalseAlarmRate of(float[] positiveScores, StreamScores stream, double hours,
                                                 double targetFaPerHour, double refractorySeconds) {
        if (positiveScores.length == 0) {
            throw new IllegalArgumentException("FR at fixed FA: no keyword clips");
        }
        if (!(hours > 0) || !(targetFaPerHour >= 0)) {
            throw new IllegalArgumentException("FR at fixed FA: need hours > 0 and a target >= 0, got " + hours
                    + " h and " + targetFaPerHour + " FA/h");
        }
        int refractory = FalseAlarmCounter.refractoryWindows(stream, refractorySeconds);
        long budget = (long) Math.floor(targetFaPerHour * hours + 1e-9);
        float[] candidates = candidates(stream.scores());
        // Bisection for the lowest candidate index whose count fits (counts fall with the index).
        int lo = 0;
        int hi = candidates.length - 1; // above every score: 0 alarms, always fits
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (FalseAlarmCounter.count(stream.scores(), candidates[mid], refractory) <= budget) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int alarms = FalseAlarmCounter.count(stream.scores(), candidates[lo], refractory);
        while (alarms > budget) {
            lo++;
            alarms = FalseAlarmCounter.count(stream.scores(), candidates[lo], refractory);
        }
        float threshold = candidates[lo];
        return at(positiveScores, stream, hours, refractorySeconds, threshold, targetFaPerHour);
    }

    /** The metrics at a given threshold (used for curves); {@code targetFaPerHour} is only recorded. */
    public static FalseRejectAtFalseAlarmRate at(float[] positiveScores, StreamScores stream, double hours,
                                                 double refractorySeconds, float threshold, double targetFaPerHour) {
        int alarms = FalseAlarmCounter.count(stream, threshold, refractorySeconds);
        long slots = FalseAlarmCounter.slots(stream, refractorySeconds);
        Interval perSlot = BetaInterval.of(Math.min(alarms, slots), slots);
        int rejects = 0;
        for (float s : positiveScores) {
            rejects += s < threshold ? 1 : 0;
        }
        return new FalseRejectAtFalseAlarmRate(targetFaPerHour, threshold, alarms, hours, alarms / hours,
                perSlot.scaled(slots / hours), rejects, positiveScores.length,
                (double) rejects / positiveScores.length, BetaInterval.of(rejects, positiveScores.length));
    }

    /**
     * Thresholds where the alarm count can change, ascending: the lowest stream score (every window above),
     * then the next float above each distinct stream score; the last one exceeds every score.
     */
    static float[] candidates(float[] scores) {
        if (scores.length == 0) {
            return new float[] {Float.NEGATIVE_INFINITY};
        }
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        float[] out = new float[sorted.length + 1];
        int n = 0;
        out[n++] = sorted[0];
        for (int i = 0; i < sorted.length; i++) {
            if (i + 1 == sorted.length || sorted[i + 1] != sorted[i]) {
                out[n++] = Math.nextUp(sorted[i]);
            }
        }
        return Arrays.copyOf(out, n);
    }
}
