package dev.hark.trainer.eval;

import dev.hark.sim.detect.DetectionSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Chooses the detector's smoothing and refractory period on streams the test never hears (the dev split's): each
 * candidate is counted on the same scores at every false-alarm budget, and the best by {@link #ORDER} wins:
 * <ol>
 * <li>the fewest misses at each budget, the tightest first (what the detector is chosen for);</li>
 * <li>the fewest false alarms at each budget, the tightest first (two detectors that miss alike are told apart
 *     by what they cost in false alarms where they are deployed);</li>
 * <li>the larger margin at the tightest budget ({@link #margin}): the more the threshold can rise above its
 *     operating point before one more keyword is missed, the wider the gap between the keywords' scores and the
 *     false alarms' on dev, and the less a small change of the audio moves the outcome;</li>
 * <li>the longer refractory period: with the same counts, the one less likely to fire twice on one keyword
 *     (docs/benchmark.md saw a short one do so on the test stream);</li>
 * <li>the fewer smoothing steps: the same counts sooner after the keyword ends.</li>
 * </ol>
 * Candidates equal in all of these are the same detector in the counts; the earlier one is kept.
 *
 * <p>The device's threshold is the chosen candidate's at the tightest budget it meets while firing
 * ({@link #deployedThreshold()}), so the deployed detector is the one measured on dev.
 *
 * @param rows   every candidate with its outcomes at each budget, in the candidates' order
 * @param chosen the winner
 */
public record DetectorChoice(List<DetectorChoice.Row> rows, DetectorTiming chosen, List<Double> budgets) {
    /**
     * One candidate: its outcome at each budget, in the budgets' order.
     *
     * @param margin thresholds above its operating point at the tightest budget that miss no more keywords
     *               ({@link #margin}); 0 for a candidate that does not fire there
     */
    public record Row(DetectorTiming timing, List<StreamOutcome> outcomes, int margin) {
        public Row {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** The tie rule of the class comment, best first. */
    static final Comparator<Row> ORDER = byOutcomes(StreamOutcome::misses)
            .thenComparing(byOutcomes(StreamOutcome::falseAlarms))
            .thenComparing(Comparator.comparingInt(Row::margin).reversed())
            .thenComparing(Comparator.comparingDouble((Row r) -> r.timing().refractorySeconds()).reversed())
            .thenComparingInt(r -> r.timing().smoothingSteps());

    public DetectorChoice {
        rows = List.copyOf(rows);
        budgets = List.copyOf(budgets);
    }

    /**
     * The smoothings and refractory periods tried by default: from no smoothing to about 1.3 s of scores at
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
     * @param heard      the network's streams, heard once (the scores are reused for every candidate)
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
            List<StreamOutcome> outcomes = budgets.stream().map(e::atFalseAlarmBudget).toList();
            Row row = new Row(t, outcomes, margin(e, outcomes.get(0)));
            rows.add(row);
            if (best == null || ORDER.compare(row, best) < 0) {
                best = row;
            }
        }
        return new DetectorChoice(rows, best.timing(), budgets);
    }

    /**
     * How far the threshold can rise above {@code operating} (the outcome at the tightest budget) and still miss no
     * more keywords: the highest such threshold minus the operating one, found by bisection (misses do not fall as
     * the threshold rises). 0 when the detector does not fire at the budget.
     */
    static int margin(StreamSetEvaluation evaluation, StreamOutcome operating) {
        if (!operating.fires()) {
            return 0;
        }
        int lo = operating.threshold();
        int hi = StreamOutcome.NEVER - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (evaluation.at(mid).misses() <= operating.misses()) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo - operating.threshold();
    }

    /** The chosen candidate's row. */
    public Row chosenRow() {
        return rows.stream().filter(r -> r.timing().equals(chosen)).findFirst().orElseThrow();
    }

    /**
     * The threshold the device listens with: the chosen candidate's at the tightest budget at which it fires (the
     * lowest threshold within that budget on dev), or {@link DetectionSettings#DEFAULT}'s when it meets no budget
     * while firing.
     */
    public int deployedThreshold() {
        return chosenRow().outcomes().stream().filter(StreamOutcome::fires).mapToInt(StreamOutcome::threshold)
                .findFirst().orElse(DetectionSettings.DEFAULT.threshold());
    }

    /** The detector the device listens with, for a network that steps every {@code hopFrames} feature frames. */
    public DetectionSettings deployed(int hopFrames) {
        return chosen.settings(hopFrames, deployedThreshold());
    }

    private static Comparator<Row> byOutcomes(ToIntFunction<StreamOutcome> count) {
        return (a, b) -> {
            for (int i = 0; i < a.outcomes().size(); i++) {
                int c = Integer.compare(count.applyAsInt(a.outcomes().get(i)), count.applyAsInt(b.outcomes().get(i)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** The candidates as a Markdown table, the chosen one marked. */
    public String markdown(String description) {
        StringBuilder md = new StringBuilder(description).append(String.format(Locale.ROOT, "%n%n"));
        md.append("| smoothing (steps) | refractory (s) | FA/h budget | " + StreamOutcome.MARKDOWN_HEADER
                + " | margin | chosen |\n");
        md.append("|---:|---:|---:|" + StreamOutcome.MARKDOWN_ALIGNMENT + "|---:|---|\n");
        for (Row r : rows) {
            for (int i = 0; i < budgets.size(); i++) {
                md.append(String.format(Locale.ROOT, "| %d | %s | <= %s | %s | %s | %s |%n",
                        r.timing().smoothingSteps(), PlainNumber.of(r.timing().refractorySeconds()),
                        PlainNumber.of(budgets.get(i)), r.outcomes().get(i).markdownCells(),
                        i == 0 ? Integer.toString(r.margin()) : "", r.timing().equals(chosen) ? "yes" : ""));
            }
        }
        return md.toString();
    }
}
