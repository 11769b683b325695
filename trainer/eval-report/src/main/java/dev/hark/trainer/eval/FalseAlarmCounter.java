package dev.hark.trainer.eval;

/**
 * Counts false alarms on a negative stream: an alarm fires when a window's score reaches the threshold and
 * the detector is not in its refractory period, which starts at every alarm. A keyword-like sound keeps the
 * score high over several overlapping windows; the refractory period makes that one alarm, as a device that
 * mutes itself for a moment after firing would count it. A score that stays above the threshold longer fires
 * again once per refractory period (a device would too), so a detector stuck high cannot look good.
 */
public final class FalseAlarmCounter {
    /** The usual refractory period. */
    public static final double DEFAULT_REFRACTORY_SECONDS = 1.0;

    private FalseAlarmCounter() {
    }

    /**
     * @param scores            window scores in time order
     * @param threshold         alarm when a score is {@code >= threshold}
     * @param refractoryWindows windows after an alarm during which no new alarm counts ({@code >= 1})
     */
    public static int count(float[] scores, float threshold, int refractoryWindows) {
        if (refractoryWindows < 1) {
            throw new IllegalArgumentException("false alarms: refractory period must be at least one window, got "
                    + refractoryWindows);
        }
        int alarms = 0;
        long lastAlarm = Long.MIN_VALUE / 2;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold && i - lastAlarm >= refractoryWindows) {
                alarms++;
                lastAlarm = i;
            }
        }
        return alarms;
    }

    /** {@link #count} with the refractory period given in seconds (rounded up to whole windows). */
    public static int count(StreamScores stream, float threshold, double refractorySeconds) {
        return count(stream.scores(), threshold, refractoryWindows(stream, refractorySeconds));
    }

    /** The refractory period in windows of {@code stream}, at least 1. */
    public static int refractoryWindows(StreamScores stream, double refractorySeconds) {
        if (!(refractorySeconds >= 0)) {
            throw new IllegalArgumentException("false alarms: refractory period must be >= 0 s, got "
                    + refractorySeconds);
        }
        return Math.max(1, (int) Math.ceil(refractorySeconds / stream.hopSeconds() - 1e-9));
    }

    /**
     * The number of slots in which one alarm can fire: the stream's windows divided into refractory periods.
     * The Beta posterior of the false-alarm rate uses it as the number of trials.
     */
    public static long slots(StreamScores stream, double refractorySeconds) {
        int r = refractoryWindows(stream, refractorySeconds);
        return Math.max(1, ((long) stream.windows() + r - 1) / r);
    }
}
