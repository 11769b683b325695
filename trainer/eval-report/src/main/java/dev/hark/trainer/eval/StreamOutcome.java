package dev.hark.trainer.eval;

import java.util.Locale;

/**
 * What a detector did on a keyword stream at one threshold, counted by a {@link MatchingRule}, with 95% intervals:
 * the false alarms per hour from the exact Poisson interval of the count ({@link PoissonInterval}) over the
 * stream's hours, the miss rate from the exact binomial one ({@link BetaInterval#clopperPearson}).
 *
 * @param threshold   the detection threshold, 1 to 255; {@value #NEVER} for a detector that never fires (what is
 *                    left when no threshold meets a false-alarm budget)
 * @param hits        keywords detected
 * @param misses      keywords not detected
 * @param falseAlarms detections outside every keyword's window, debounced
 * @param hours       the stream's length
 */
public record StreamOutcome(int threshold, int hits, int misses, int falseAlarms, double hours) {
    /** The threshold of a detector that never fires. */
    public static final int NEVER = 256;

    /**
     * The columns of an outcome in a Markdown table, the header's and then the alignment row's, without the outer
     * bars: the tables of outcomes (state policies, the sound stream) put their own columns around them.
     */
    public static final String MARKDOWN_HEADER = "threshold | hits | misses | miss rate [95%] | false alarms "
            + "| FA/h [95%]";
    public static final String MARKDOWN_ALIGNMENT = "---:|---:|---:|---|---:|---";

    /** @throws IllegalArgumentException if a count is negative or the length is not positive */
    public StreamOutcome {
        if (hits < 0 || misses < 0 || falseAlarms < 0 || !(hours > 0)) {
            throw new IllegalArgumentException("stream outcome: " + hits + " hits, " + misses + " misses, "
                    + falseAlarms + " false alarms in " + hours + " h");
        }
        if (threshold < 1 || threshold > NEVER) {
            throw new IllegalArgumentException("stream outcome: threshold " + threshold + " is not 1 to " + NEVER);
        }
    }

    public static StreamOutcome of(int threshold, MatchingRule.Counts counts, double hours) {
        return new StreamOutcome(threshold, counts.hits(), counts.misses(), counts.falseAlarms(), hours);
    }

    public int keywords() {
        return hits + misses;
    }

    /** Misses over keywords; NaN for a stream without keywords. */
    public double missRate() {
        return keywords() == 0 ? Double.NaN : misses / (double) keywords();
    }

    public Interval missRateInterval() {
        return BetaInterval.clopperPearson(misses, keywords());
    }

    public double faPerHour() {
        return falseAlarms / hours;
    }

    public Interval faPerHourInterval() {
        return PoissonInterval.ofRate(falseAlarms, hours);
    }

    /** Whether the detector fires at all (false when no threshold met a budget). */
    public boolean fires() {
        return threshold != NEVER;
    }

    /** The threshold, or "none" for a detector that never fires. */
    public String describeThreshold() {
        return fires() ? Integer.toString(threshold) : "none";
    }

    /** This outcome's cells under {@link #MARKDOWN_HEADER}. */
    public String markdownCells() {
        Interval missed = missRateInterval();
        return String.format(Locale.ROOT, "%s | %d | %d | %.1f%% [%.1f, %.1f] | %d | %.2f %s", describeThreshold(),
                hits, misses, 100 * missRate(), 100 * missed.low(), 100 * missed.high(), falseAlarms, faPerHour(),
                faPerHourInterval().format(2));
    }
}
