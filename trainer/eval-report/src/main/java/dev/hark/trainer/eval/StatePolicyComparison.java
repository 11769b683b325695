package dev.hark.trainer.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state policies side by side: every policy (and smoothing) with every model on the same keyword stream, each
 * at the same false-alarm budget, the threshold chosen per row ({@link StreamEvaluation#atFalseAlarmBudget}). The
 * rows run in parallel, each with its own network.
 */
public final class StatePolicyComparison {
    /**
     * One policy, smoothing and model at the budget.
     *
     * @param seconds wall time of the row's evaluation
     */
    public record Row(StatePolicy policy, int smoothingSteps, String model, StreamOutcome outcome, double seconds) {
    }

    /** A policy with a smoothing. */
    public record Choice(StatePolicy policy, int smoothingSteps) {
    }

    /**
     * The table.
     *
     * @param hours     the stream's length
     * @param keywords  keywords in it
     * @param faBudget  the false-alarm budget per hour every row meets
     * @param rows      policy by policy, smoothing by smoothing, model by model
     */
    public record Table(double hours, int keywords, double faBudget, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }

        /**
         * The best policy and smoothing: the fewest misses over all models at the budget, then the fewest false
         * alarms, then the earlier row.
         */
        public Choice best() {
            Map<Choice, long[]> totals = new LinkedHashMap<>();
            for (Row r : rows) {
                long[] t = totals.computeIfAbsent(new Choice(r.policy(), r.smoothingSteps()), c -> new long[2]);
                t[0] += r.outcome().misses();
                t[1] += r.outcome().falseAlarms();
            }
            // min keeps the first of equals, so ties go to the earlier row.
            return totals.entrySet().stream()
                    .min(Comparator.<Map.Entry<Choice, long[]>>comparingLong(e -> e.getValue()[0])
                            .thenComparingLong(e -> e.getValue()[1]))
                    .orElseThrow(() -> new IllegalStateException("state policies: no rows")).getKey();
        }

        /** The table in Markdown, with a line naming the best policy. */
        public String markdown() {
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "State policies on a %.2f h test stream "
                    + "with %d keywords, each at <= %s false alarm(s) per hour; 95%% intervals (miss rate: "
                    + "Clopper-Pearson; FA/h: Poisson)%n%n", hours, keywords, PlainNumber.of(faBudget)));
            md.append("| state policy | smoothing | model | " + StreamOutcome.MARKDOWN_HEADER + " | time (s) |\n");
            md.append("|---|---:|---|" + StreamOutcome.MARKDOWN_ALIGNMENT + "|---:|\n");
            for (Row r : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.0f |%n", r.policy().describe(),
                        r.smoothingSteps(), r.model(), r.outcome().markdownCells(), r.seconds()));
            }
            Choice best = best();
            md.append(String.format(Locale.ROOT, "%nbest (fewest misses over the models, then fewest false alarms): "
                    + "%s, smoothing %d%n", best.policy().describe(), best.smoothingSteps()));
            return md.toString();
        }
    }

    private StatePolicyComparison() {
    }

    /**
     * @param models     a fresh listening network per call, by name (e.g. "float", "int8")
     * @param stream     the keyword stream
     * @param features   its feature frames ({@link StreamFeatures})
     * @param policies   the state policies to compare
     * @param smoothings the detector smoothings to compare (scores averaged)
     * @param timing     the detector's refractory period (its smoothing is replaced by each of {@code smoothings})
     * @param rule       how detections are matched with keywords
     * @param faBudget   false alarms per hour each row must meet
     * @param log        one line per finished row
     */
    public static Table run(Map<String, Supplier<StreamingModel>> models, KeywordStream stream, byte[] features,
                            List<StatePolicy> policies, List<Integer> smoothings, DetectorTiming timing,
                            MatchingRule rule, double faBudget, PrintStream log) {
        record Task(StatePolicy policy, int smoothing, String model) {
        }
        List<Task> tasks = new ArrayList<>();
        for (StatePolicy p : policies) {
            for (int s : smoothings) {
                for (String m : models.keySet()) {
                    tasks.add(new Task(p, s, m));
                }
            }
        }
        List<Row> rows = tasks.parallelStream().map(t -> {
            long start = System.nanoTime();
            StreamingModel model = models.get(t.model()).get();
            DetectorTiming smoothed = new DetectorTiming(t.smoothing(), timing.refractorySeconds());
            StreamEvaluation e = new StreamEvaluation(model, features, stream.keywords(), stream.hours(), t.policy(),
                    smoothed.settings(model.hopFrames(), 1), rule);
            StreamOutcome o = e.atFalseAlarmBudget(faBudget);
            Row row = new Row(t.policy(), t.smoothing(), t.model(), o, (System.nanoTime() - start) / 1e9);
            synchronized (log) {
                log.printf(Locale.ROOT, "[state policies] %s, smoothing %d, %s: threshold %s, %d hits, %d misses, "
                                + "%d false alarms (%.0f s)%n", t.policy().describe(), t.smoothing(), t.model(),
                        o.describeThreshold(), o.hits(), o.misses(), o.falseAlarms(), row.seconds());
            }
            return row;
        }).toList();
        return new Table(stream.hours(), stream.keywords().size(), faBudget, rows);
    }
}
