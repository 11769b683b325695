package dev.hark.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sound stream measurement's figures: each network at each false-alarm budget, with the miss rate and the
 * false alarms per hour and their 95% intervals, and what the false alarms came from.
 *
 * @param description one line on the streams (length, keywords, pieces)
 * @param rows        network by network, budget by budget
 */
public record SoundStreamTable(String description, List<SoundStreamTable.Row> rows) {
    /**
     * One network at one budget.
     *
     * @param network  e.g. "float", "int8"
     * @param faBudget false alarms per hour allowed
     * @param outcome  the counts at the lowest threshold within the budget
     * @param causes   what each of its false alarms is put down to
     */
    public record Row(String network, double faBudget, StreamOutcome outcome, List<FalseAlarmCause> causes) {
        public Row {
            causes = List.copyOf(causes);
        }

        public FalseAlarmSummary summary() {
            return FalseAlarmSummary.of(causes);
        }
    }

    public SoundStreamTable {
        rows = List.copyOf(rows);
    }

    /** Every network of {@code evaluations} at every budget, in the given orders. */
    public static SoundStreamTable of(String description, List<String> networks,
                                      List<StreamSetEvaluation> evaluations, List<Double> faBudgets) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            for (double budget : faBudgets) {
                StreamOutcome o = evaluations.get(i).atFalseAlarmBudget(budget);
                rows.add(new Row(networks.get(i), budget, o, evaluations.get(i).causes(o.threshold())));
            }
        }
        return new SoundStreamTable(description, rows);
    }

    /** The table in Markdown under its description. */
    public String markdown() {
        StringBuilder md = new StringBuilder(description).append(String.format(Locale.ROOT, "%n%n"));
        md.append("| network | FA/h budget | " + StreamOutcome.MARKDOWN_HEADER + " | distinct sources "
                + "| false alarms by source |\n");
        md.append("|---|---:|" + StreamOutcome.MARKDOWN_ALIGNMENT + "|---:|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | <= %s | %s | %d | %s |%n", r.network(),
                    PlainNumber.of(r.faBudget()), r.outcome().markdownCells(), r.summary().distinctSources(),
                    r.summary().describeLabels()));
        }
        md.append(String.format(Locale.ROOT, "%nEach false alarm (stream, time from its start, the piece it is put "
                + "down to):%n%n"));
        boolean any = false;
        for (Row r : rows) {
            for (FalseAlarmCause c : r.causes()) {
                md.append(String.format(Locale.ROOT, "- %s at <= %s FA/h: stream %d at %.2f s: %s (%s)%n",
                        r.network(), PlainNumber.of(r.faBudget()), c.stream() + 1, c.second(), c.stretch().sourceId(),
                        c.stretch().label()));
                any = true;
            }
        }
        if (!any) {
            md.append("- none\n");
        }
        return md.toString();
    }
}
