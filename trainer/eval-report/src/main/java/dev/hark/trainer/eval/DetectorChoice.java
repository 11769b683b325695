package dev.hark.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the detector's smoothing and refractory period on streams the test never hears (the dev split's): each
 * candidate is counted on the same posteriors at every false-alarm budget, and the one with the fewest misses at
 * the tightest budget wins, then the fewest at the next budget, then the fewest false alarms there, then the
 * earlier candidate (list the simpler settings first).
 *
 * @param rows   every candidate with its outcomes at each budget, in the candidates' order
 * @param chosen the winner
 */
public record DetectorChoice(List<DetectorChoice.Row> rows, DetectorTiming chosen, List<Double> budgets) {
    /** One candidate: its outcome at each budget, in the budgets' order. */
    public record Row(DetectorTiming timing, List<StreamOutcome> outcomes) {
        public Row {
            outcomes = List.copyOf(outcomes);
        }
    }

    public DetectorChoice {
        rows = List.copyOf(rows);
        budgets = List.copyOf(budgets);
    }

    /**
     * The smoothings and refractory periods tried by default: from no smoothing to about 1.3 s of posteriors at
     * 80 ms a step, and from half a second to two seconds of silence (the range the published detectors use,
     * ../shared/docs/streaming-detection.md section 5).
     */
    public static List<DetectorTiming> defaultCandidates() {
        List<DetectorTiming> candidates = new ArrayList<>();
        for (int smoothing : new int[] {1, 2, 3, 5, 8, 12, 16}) {
            for (double refractory : new double[] {0.5, 1, 2}) {
                candidates.add(new DetectorTiming(smoothing, refractory));
            }
        }
        return candidates;
    }

    /**
     * @param heard      the network's streams, heard once (the posteriors are reused for every candidate)
     * @param candidates the settings to try, at least one
     * @param budgets    false alarms per hour, tightest first, at least one
     */
    public static DetectorChoice choose(StreamSetEvaluation heard, List<DetectorTiming> candidates,
                                        List<Double> budgets) {
        if (candidates.isEmpty() || budgets.isEmpty()) {
            throw new IllegalArgumentException("detector choice: needs candidates and budgets");
        }
        List<Row> rows = new ArrayList<>();
        Row best = null;
        for (DetectorTiming t : candidates) {
            StreamSetEvaluation e = heard.withDetector(t);
            Row row = new Row(t, budgets.stream().map(e::atFalseAlarmBudget).toList());
            rows.add(row);
            if (best == null || better(row, best)) {
                best = row;
            }
        }
        return new DetectorChoice(rows, best.timing(), budgets);
    }

    private static boolean better(Row a, Row b) {
        for (int i = 0; i < a.outcomes().size(); i++) {
            int misses = Integer.compare(a.outcomes().get(i).misses(), b.outcomes().get(i).misses());
            if (misses != 0) {
                return misses < 0;
            }
        }
        List<StreamOutcome> oa = a.outcomes();
        return oa.get(oa.size() - 1).falseAlarms() < b.outcomes().get(oa.size() - 1).falseAlarms();
    }

    /** The candidates as a Markdown table, the chosen one marked. */
    public String markdown(String description) {
        StringBuilder md = new StringBuilder(description).append(String.format(Locale.ROOT, "%n%n"));
        md.append("| smoothing (steps) | refractory (s) | FA/h budget | " + StreamOutcome.MARKDOWN_HEADER
                + " | chosen |\n");
        md.append("|---:|---:|---:|" + StreamOutcome.MARKDOWN_ALIGNMENT + "|---|\n");
        for (Row r : rows) {
            for (int i = 0; i < budgets.size(); i++) {
                md.append(String.format(Locale.ROOT, "| %d | %s | <= %s | %s | %s |%n", r.timing().smoothingSteps(),
                        PlainNumber.of(r.timing().refractorySeconds()), PlainNumber.of(budgets.get(i)),
                        r.outcomes().get(i).markdownCells(), r.timing().equals(chosen) ? "yes" : ""));
            }
        }
        return md.toString();
    }
}
