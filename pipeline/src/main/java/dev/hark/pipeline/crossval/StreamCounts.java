package dev.hark.pipeline.crossval;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.eval.FalseAlarmBudget;
import dev.hark.trainer.eval.StreamEvaluation;
import dev.hark.trainer.eval.StreamOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One network's hits, misses and false alarms on some streams at every detection threshold (1 to 255, and
 * {@link StreamOutcome#NEVER}): all that the false-alarm budgets need, so a fold's listening is kept as these counts
 * and streams of several folds are pooled by adding them ({@link #plus}), as {@code StreamSetEvaluation} adds streams.
 *
 * @param hours       the streams' length in all
 * @param hits        by threshold, index {@code threshold - 1}
 * @param misses      likewise
 * @param falseAlarms likewise
 */
public record StreamCounts(double hours, int[] hits, int[] misses, int[] falseAlarms) {
    private static final String HEADER = "threshold,hits,misses,false_alarms";

    /** @throws IllegalArgumentException if a threshold is missing or the length is not positive */
    public StreamCounts {
        if (hits.length != StreamOutcome.NEVER || misses.length != StreamOutcome.NEVER
                || falseAlarms.length != StreamOutcome.NEVER || !(hours > 0)) {
            throw new IllegalArgumentException("stream counts: need " + StreamOutcome.NEVER + " thresholds and a "
                    + "positive length, got " + hits.length + " thresholds in " + hours + " h");
        }
        hits = hits.clone();
        misses = misses.clone();
        falseAlarms = falseAlarms.clone();
    }

    /** The counts of one heard stream at every threshold. */
    public static StreamCounts of(StreamEvaluation stream, double hours) {
        int[] hits = new int[StreamOutcome.NEVER];
        int[] misses = new int[StreamOutcome.NEVER];
        int[] falseAlarms = new int[StreamOutcome.NEVER];
        for (int t = 1; t <= StreamOutcome.NEVER; t++) {
            StreamOutcome o = stream.at(t);
            hits[t - 1] = o.hits();
            misses[t - 1] = o.misses();
            falseAlarms[t - 1] = o.falseAlarms();
        }
        return new StreamCounts(hours, hits, misses, falseAlarms);
    }

    /** Both sets of streams counted as one. */
    public StreamCounts plus(StreamCounts other) {
        int[] h = hits.clone();
        int[] m = misses.clone();
        int[] f = falseAlarms.clone();
        for (int i = 0; i < h.length; i++) {
            h[i] += other.hits[i];
            m[i] += other.misses[i];
            f[i] += other.falseAlarms[i];
        }
        return new StreamCounts(hours + other.hours, h, m, f);
    }

    /** The keywords heard. */
    public int keywords() {
        return hits[0] + misses[0];
    }

    /** The counts at {@code threshold}, 1 to 255 or {@link StreamOutcome#NEVER}. */
    public StreamOutcome at(int threshold) {
        return new StreamOutcome(threshold, hits[threshold - 1], misses[threshold - 1], falseAlarms[threshold - 1],
                hours);
    }

    /** The operating point at a false-alarm budget, by the sound stream measurement's rule. */
    public StreamOutcome atFalseAlarmBudget(double faPerHour) {
        return FalseAlarmBudget.lowestThreshold(this::at, faPerHour, hours);
    }

    /** The counts as CSV: a line with the hours, then one line per threshold. */
    public String csv() {
        StringBuilder csv = new StringBuilder(String.format(Locale.ROOT, "hours,%s%n%s%n", Double.toString(hours),
                HEADER));
        for (int i = 0; i < hits.length; i++) {
            csv.append(i + 1).append(',').append(hits[i]).append(',').append(misses[i]).append(',')
                    .append(falseAlarms[i]).append('\n');
        }
        return csv.toString();
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, csv());
    }

    /** @throws IllegalArgumentException naming the file if it is not what {@link #csv} writes */
    public static StreamCounts read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        try {
            if (lines.size() != StreamOutcome.NEVER + 2 || !lines.get(0).startsWith("hours,")
                    || !lines.get(1).equals(HEADER)) {
                throw new IllegalArgumentException("not " + (StreamOutcome.NEVER + 2) + " lines of hours, header and "
                        + "thresholds");
            }
            double hours = Double.parseDouble(lines.get(0).substring("hours,".length()));
            int[] h = new int[StreamOutcome.NEVER];
            int[] m = new int[StreamOutcome.NEVER];
            int[] f = new int[StreamOutcome.NEVER];
            for (int i = 0; i < h.length; i++) {
                int[] cells = Arrays.stream(lines.get(i + 2).split(",")).mapToInt(Integer::parseInt).toArray();
                if (cells.length != 4 || cells[0] != i + 1) {
                    throw new IllegalArgumentException("line " + (i + 3) + " is not threshold " + (i + 1));
                }
                h[i] = cells[1];
                m[i] = cells[2];
                f[i] = cells[3];
            }
            return new StreamCounts(hours, h, m, f);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException(file + ": not stream counts (" + e.getMessage() + "); delete it to "
                    + "listen again", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamCounts c && Double.compare(hours, c.hours) == 0 && Arrays.equals(hits, c.hits)
                && Arrays.equals(misses, c.misses) && Arrays.equals(falseAlarms, c.falseAlarms);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(hours) + Arrays.hashCode(hits)) + Arrays.hashCode(misses))
                + Arrays.hashCode(falseAlarms);
    }
}
