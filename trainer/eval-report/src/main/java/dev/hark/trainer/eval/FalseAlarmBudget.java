package dev.hark.trainer.eval;

import java.util.function.IntFunction;

/**
 * The operating point at a false-alarm budget, one rule for one stream and for a set of streams: the lowest threshold
 * with at most {@code floor(faPerHour x hours)} false alarms, found by bisection over 1 to 255 (false alarms fall as
 * the threshold rises, but for rare effects of the refractory period and the debounce; the point found always meets
 * the budget), or {@link StreamOutcome#NEVER} when even 255 does not.
 */
public final class FalseAlarmBudget {
    private FalseAlarmBudget() {
    }

    /**
     * @param at        the outcome at a threshold (1 to 255, or {@link StreamOutcome#NEVER})
     * @param faPerHour the budget, at least 0
     * @param hours     the audio's length
     * @return the outcome at the threshold found
     */
    public static StreamOutcome lowestThreshold(IntFunction<StreamOutcome> at, double faPerHour, double hours) {
        if (!(faPerHour >= 0)) {
            throw new IllegalArgumentException("stream evaluation: a false-alarm budget is at least 0, got "
                    + faPerHour);
        }
        long budget = (long) Math.floor(faPerHour * hours + 1e-9);
        int lo = 1;
        int hi = StreamOutcome.NEVER; // never fires: 0 false alarms, always within the budget
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at.apply(mid).falseAlarms() <= budget) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return at.apply(lo);
    }
}
