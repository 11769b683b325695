package dev.hark.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * One listening network on a set of streams, counted as one: at each threshold the hits, misses and false alarms of
 * all streams are added up over their total length, and the operating point at a false-alarm budget is chosen on the
 * sum ({@link FalseAlarmBudget}). Each false alarm is put down to the piece that caused it ({@link FalseAlarmCause}).
 * Not thread-safe.
 */
public final class StreamSetEvaluation {
    /**
     * One stream of the set.
     *
     * @param evaluation the network on it
     * @param stretches  its provenance
     * @param hours      its length
     */
    public record Member(StreamEvaluation evaluation, List<StreamStretch> stretches, double hours) {
        public Member {
            stretches = List.copyOf(stretches);
        }
    }

    private final List<Member> members;
    private final double hours;

    /** @throws IllegalArgumentException if the set is empty */
    public StreamSetEvaluation(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("stream set: no streams");
        }
        this.members = List.copyOf(members);
        this.hours = members.stream().mapToDouble(Member::hours).sum();
    }

    public double hours() {
        return hours;
    }

    public List<Member> members() {
        return members;
    }

    /**
     * The same streams under another detector smoothing and refractory period, reusing the scores heard
     * ({@link StreamEvaluation#withDetector}).
     */
    public StreamSetEvaluation withDetector(DetectorTiming timing) {
        return new StreamSetEvaluation(members.stream().map(m -> new Member(m.evaluation().withDetector(
                timing.settings(m.evaluation().hopFrames(), 1)), m.stretches(), m.hours())).toList());
    }

    /** The counts at every threshold, 1 to 255 and {@link StreamOutcome#NEVER}, ascending: the DET curve. */
    public List<StreamOutcome> curve() {
        List<StreamOutcome> points = new ArrayList<>();
        for (int t = 1; t <= StreamOutcome.NEVER; t++) {
            points.add(at(t));
        }
        return points;
    }

    /** The counts over all streams at {@code threshold}, 1 to 255 or {@link StreamOutcome#NEVER}. */
    public StreamOutcome at(int threshold) {
        int hits = 0;
        int misses = 0;
        int falseAlarms = 0;
        for (Member m : members) {
            StreamOutcome o = m.evaluation().at(threshold);
            hits += o.hits();
            misses += o.misses();
            falseAlarms += o.falseAlarms();
        }
        return new StreamOutcome(threshold, hits, misses, falseAlarms, hours);
    }

    /** The lowest threshold within {@code faPerHour} over the whole set. */
    public StreamOutcome atFalseAlarmBudget(double faPerHour) {
        return FalseAlarmBudget.lowestThreshold(this::at, faPerHour, hours);
    }

    /** What each false alarm counted at {@code threshold} is put down to; none for {@link StreamOutcome#NEVER}. */
    public List<FalseAlarmCause> causes(int threshold) {
        List<FalseAlarmCause> causes = new ArrayList<>();
        if (threshold == StreamOutcome.NEVER) {
            return causes;
        }
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            for (double second : m.evaluation().falseAlarmSeconds(threshold)) {
                causes.add(FalseAlarmCause.of(i, second, m.stretches()));
            }
        }
        return causes;
    }
}
