package dev.hark.trainer.eval;

import java.util.Arrays;
import java.util.List;

/**
 * How detections on a stream are matched with the keywords in it, as MLPerf Tiny's streaming wake-word runner
 * does ({@code benchmark/runner/streaming_ww_utils.py}): a detection from a keyword's start to its end plus the
 * tolerance is a hit; each keyword counts one hit however many detections fall in its window, and those
 * detections are then spent; a keyword without one is a miss; every other detection is a false alarm, except one
 * within the debounce time after a counted false alarm.
 *
 * @param toleranceSeconds how long after a keyword's end a detection still hits it (the runner: 1 s)
 * @param debounceSeconds  false alarms this soon after a counted one are not counted again (the runner: 1 s)
 */
public record MatchingRule(double toleranceSeconds, double debounceSeconds) {
    /** MLPerf Tiny's streaming wake-word runner: 1 s tolerance, 1 s debounce. */
    public static final MatchingRule MLPERF_TINY = new MatchingRule(1.0, 1.0);

    /** What a stream's detections came to. */
    public record Counts(int hits, int misses, int falseAlarms) {
        public int keywords() {
            return hits + misses;
        }
    }

    /** @throws IllegalArgumentException if a time is negative or not finite */
    public MatchingRule {
        if (!(toleranceSeconds >= 0) || !(debounceSeconds >= 0) || Double.isInfinite(toleranceSeconds)
                || Double.isInfinite(debounceSeconds)) {
            throw new IllegalArgumentException("matching: tolerance " + toleranceSeconds + " s and debounce "
                    + debounceSeconds + " s must be finite and at least 0");
        }
    }

    /**
     * @param detectionSeconds when each detection was made, seconds from the stream's start
     * @param keywords         the keywords in the stream
     */
    public Counts match(double[] detectionSeconds, List<KeywordOccurrence> keywords) {
        return matchInDetail(detectionSeconds, keywords).counts();
    }

    /**
     * The counts, when each counted false alarm was made and which keywords were hit.
     *
     * @param counts            what {@link #match} gives
     * @param falseAlarmSeconds the counted false alarms, ascending
     * @param keywordHit        per keyword, in the order given, whether a detection hit it
     */
    public record Matching(Counts counts, double[] falseAlarmSeconds, boolean[] keywordHit) {
    }

    /** {@link #match}, with the counted false alarms' times. */
    public Matching matchInDetail(double[] detectionSeconds, List<KeywordOccurrence> keywords) {
        double[] times = detectionSeconds.clone();
        Arrays.sort(times);
        boolean[] spent = new boolean[times.length];
        int hits = 0;
        boolean[] keywordHit = new boolean[keywords.size()];
        for (int n = 0; n < keywordHit.length; n++) {
            KeywordOccurrence k = keywords.get(n);
            double from = k.startSecond();
            double to = k.endSecond() + toleranceSeconds;
            boolean hit = false;
            for (int i = 0; i < times.length; i++) {
                if (!spent[i] && times[i] >= from && times[i] <= to) {
                    spent[i] = true;
                    hit = true;
                }
            }
            hits += hit ? 1 : 0;
            keywordHit[n] = hit;
        }
        double[] falseAlarms = new double[times.length];
        int counted = 0;
        double lastCounted = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            if (!spent[i] && times[i] > lastCounted + debounceSeconds) {
                falseAlarms[counted++] = times[i];
                lastCounted = times[i];
            }
        }
        return new Matching(new Counts(hits, keywords.size() - hits, counted), Arrays.copyOf(falseAlarms, counted),
                keywordHit);
    }
}
