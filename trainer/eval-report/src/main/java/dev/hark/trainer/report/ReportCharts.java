package dev.hark.trainer.report;

import dev.hark.sim.program.KeywordScore;
import dev.hark.trainer.eval.KeywordOccurrence;
import dev.hark.trainer.eval.Listening;
import dev.hark.trainer.eval.NineClipCheck;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.eval.StreamExcerpt;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.report.LineChart.Axis;
import dev.hark.trainer.train.BestEpoch;
import dev.hark.trainer.train.EpochStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's standard charts, built from evaluation results. */
public final class ReportCharts {
    /** The axis of keyword scores drawn over time: the log-odds they stand for. */
    private static final String LOG_ODDS_AXIS = "keyword score: log-odds (nats)";
    private static final double MIN_LOG_ODDS = KeywordScore.logOdds(0);
    private static final double MAX_LOG_ODDS = KeywordScore.logOdds(KeywordScore.MAX);

    private ReportCharts() {
    }

    /** Training and dev loss per epoch. */
    public static LineChart trainingLoss(List<EpochStats> history) {
        return trainingCurves("Training curves: loss", "loss (cross-entropy)", history)
                .series("train loss", epochs(history), history.stream().mapToDouble(EpochStats::trainLoss).toArray())
                .series("dev loss", epochs(history), history.stream().mapToDouble(EpochStats::devLoss).toArray())
                .build();
    }

    /** Dev au_fa_fr per epoch (lower is better). */
    public static LineChart trainingAuFaFr(List<EpochStats> history) {
        return trainingCurves("Training curves: dev au_fa_fr (lower is better)", "au_fa_fr on the dev split", history)
                .series("dev au_fa_fr", epochs(history), history.stream().mapToDouble(EpochStats::devAuFaFr).toArray())
                .build();
    }

    /** A chart over the epochs, from 0 up, marking the epoch a trainer keeps; the caller adds the series. */
    private static LineChart.Builder trainingCurves(String title, String yLabel, List<EpochStats> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("training chart: the history is empty");
        }
        int best = BestEpoch.of(history, EpochStats::betterThan).epoch();
        return LineChart.builder(title).x(Axis.linear("epoch")).y(Axis.linear(yLabel).range(0, Double.NaN))
                .marker(best, "best epoch " + best);
    }

    /**
     * The stream's detection error tradeoff: false alarms per hour (log axis) against the false-reject rate (%, the
     * keywords missed) on the test stream as the detection threshold sweeps, one series per model, e.g. "float" and
     * "int8". Operating points with 0 false alarms are drawn on the left edge.
     *
     * @param curves          each model's outcomes, threshold ascending
     * @param targetFaPerHour draws a dashed line at the budget; NaN for none
     */
    public static LineChart faMissCurve(Map<String, List<StreamOutcome>> curves, double targetFaPerHour) {
        return faMissCurve("the test stream", curves,
                Double.isNaN(targetFaPerHour) ? List.of() : List.of(targetFaPerHour));
    }

    /**
     * {@link #faMissCurve(Map, double)} on streams described by {@code where} (e.g. "5 h of held-out streams"),
     * with a dashed line at each budget.
     */
    public static LineChart faMissCurve(String where, Map<String, List<StreamOutcome>> curves,
                                        List<Double> budgets) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("FA/miss chart: no curves");
        }
        LineChart.Builder b = LineChart.builder("Stream DET curve: false rejects against false alarms per hour")
                .x(Axis.logarithmic("false alarms per hour on " + where + " (log scale; 0 drawn at the left edge)"))
                .y(Axis.linear("false rejects: keywords missed (%)").range(0, Double.NaN));
        for (Map.Entry<String, List<StreamOutcome>> e : curves.entrySet()) {
            b.series(e.getKey(), e.getValue().stream().mapToDouble(StreamOutcome::faPerHour).toArray(),
                    e.getValue().stream().mapToDouble(o -> 100 * o.missRate()).toArray());
        }
        for (double budget : budgets) {
            b.marker(budget, PlainNumber.of(budget) + " FA/h");
        }
        return b.build();
    }

    /**
     * A stretch of a stream as one network's detector heard it: the smoothed keyword score per step, the threshold,
     * the keywords shaded (labelled "missed" when no detection hit them), hits and counted false alarms marked on
     * the score, misses marked at the keyword's end at the highest smoothed score within its window.
     */
    public static LineChart streamExcerpt(String network, StreamExcerpt e) {
        double threshold = KeywordScore.logOdds(e.threshold());
        LineChart.Builder b = LineChart.builder(String.format(Locale.ROOT, "A stretch of the stream: %s at "
                        + "threshold %d", network, e.threshold()))
                .x(Axis.linear("time (s) from the stream's start").range(e.fromSecond(), e.toSecond()))
                .y(Axis.linear(LOG_ODDS_AXIS).range(MIN_LOG_ODDS, MAX_LOG_ODDS))
                .size(900, 450)
                .series("smoothed score", e.stepSeconds(),
                        Arrays.stream(e.smoothedScores()).mapToDouble(KeywordScore::logOdds).toArray())
                .series("threshold", new double[] {e.fromSecond(), e.toSecond()},
                        new double[] {threshold, threshold});
        for (KeywordOccurrence k : e.keywords()) {
            b.band(k.startSecond(), k.endSecond(), e.missedKeywords().contains(k) ? "missed" : "keyword");
        }
        b.points("hit", e.hitSeconds(), scoresAt(e, e.hitSeconds()));
        b.points("false alarm", e.falseAlarmSeconds(), scoresAt(e, e.falseAlarmSeconds()));
        b.points("miss", e.missedKeywords().stream().mapToDouble(KeywordOccurrence::endSecond).toArray(),
                Arrays.stream(e.missedPeaks()).mapToDouble(KeywordScore::logOdds).toArray());
        return b.build();
    }

    /** The smoothed score (log-odds) of the step at each of {@code seconds}, a detection's time. */
    private static double[] scoresAt(StreamExcerpt e, double[] seconds) {
        return Arrays.stream(seconds).map(t -> KeywordScore.logOdds(e.scoreAt(t))).toArray();
    }

    /**
     * The nine-clip check: each model's keyword score over time as it listens, its detections marked on the
     * curve, the keyword clip shaded.
     */
    public static LineChart streamingScores(Map<String, NineClipCheck> checks) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("streaming chart: no checks");
        }
        NineClipCheck first = checks.values().iterator().next();
        LineChart.Builder b = LineChart.builder("Streaming check: nine clips, keyword only in the middle one")
                // The x axis spans the whole glued audio, not only the steps.
                .x(Axis.linear("time (s), when the step's audio has arrived").range(0, first.seconds()))
                .y(Axis.linear(LOG_ODDS_AXIS).range(MIN_LOG_ODDS, MAX_LOG_ODDS))
                .size(900, 450)
                .band(first.keyword().startSecond(), first.keyword().endSecond(), "keyword clip");
        for (Map.Entry<String, NineClipCheck> e : checks.entrySet()) {
            Listening l = e.getValue().listening();
            b.series(e.getKey(), e.getValue().stepSeconds(),
                    Arrays.stream(l.scores()).mapToDouble(KeywordScore::logOdds).toArray());
        }
        for (Map.Entry<String, NineClipCheck> e : checks.entrySet()) {
            Listening l = e.getValue().listening();
            b.points(e.getKey() + " detections", l.detectionSeconds(), l.detections().stream()
                    .mapToDouble(d -> KeywordScore.logOdds(l.scores()[(int) d.step()])).toArray());
        }
        return b.build();
    }

    /**
     * The clips' detection error tradeoff: as the decision threshold sweeps every score, the share of other clips
     * accepted (false accepts, log axis) against the share of keyword clips rejected (false rejects), one series per
     * model, each point a threshold as {@link dev.hark.trainer.train.Metrics#auFaFr} integrates them (clips with
     * equal scores change both rates together).
     */
    public static LineChart detCurve(Map<String, Scores> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("DET chart: no scores");
        }
        LineChart.Builder b = LineChart.builder("Detection error tradeoff on the clips")
                .x(Axis.logarithmic("false accepts: other clips accepted (%, log scale; 0 drawn at the left edge)"))
                .y(Axis.linear("false rejects: keyword clips rejected (%)").range(0, 100));
        for (Map.Entry<String, Scores> e : scores.entrySet()) {
            float[] s = e.getValue().keywordScore();
            boolean[] k = e.getValue().isKeyword();
            int positives = e.getValue().positives();
            int negatives = e.getValue().negatives();
            if (positives == 0 || negatives == 0) {
                throw new IllegalArgumentException("DET chart: " + e.getKey() + " needs keyword and other clips");
            }
            Integer[] order = new Integer[s.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (i, j) -> Float.compare(s[j], s[i])); // highest score first
            List<Double> fa = new ArrayList<>(List.of(0.0));
            List<Double> fr = new ArrayList<>(List.of(100.0));
            int accepted = 0;
            int falseAccepts = 0;
            for (int i = 0; i < order.length; ) {
                float threshold = s[order[i]];
                for (; i < order.length && s[order[i]] == threshold; i++) {
                    if (k[order[i]]) {
                        accepted++;
                    } else {
                        falseAccepts++;
                    }
                }
                fa.add(100.0 * falseAccepts / negatives);
                fr.add(100.0 * (positives - accepted) / positives);
            }
            b.series(e.getKey(), fa.stream().mapToDouble(Double::doubleValue).toArray(),
                    fr.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return b.build();
    }

    /**
     * How one model's keyword scores are distributed over keyword clips and over other clips: the share of each
     * class in each of {@code bins} equal score bins from 0 to 1, drawn at the bin's centre, with the decision
     * threshold marked.
     */
    public static LineChart scoreDistributions(String model, Scores scores, int bins, double threshold) {
        if (bins < 1) {
            throw new IllegalArgumentException("score distribution chart: bins must be at least 1, got " + bins);
        }
        double[] centres = new double[bins];
        for (int i = 0; i < bins; i++) {
            centres[i] = (i + 0.5) / bins;
        }
        return LineChart.builder("Score distributions: " + model)
                .x(Axis.linear("keyword score (probability)").range(0, 1))
                .y(Axis.linear("clips of the class (%)").range(0, Double.NaN))
                .series("keyword clips", centres, histogram(scores.positiveScores(), bins))
                .series("other clips", centres, histogram(scores.negativeScores(), bins))
                .marker(threshold, "threshold " + threshold)
                .build();
    }

    /** The percentage of {@code values} in each of {@code bins} equal bins over [0, 1] (1 falls in the last). */
    private static double[] histogram(float[] values, int bins) {
        double[] share = new double[bins];
        for (float v : values) {
            share[Math.min(bins - 1, Math.max(0, (int) (v * bins)))] += 100.0 / values.length;
        }
        return share;
    }

    private static double[] epochs(List<EpochStats> history) {
        return history.stream().mapToDouble(EpochStats::epoch).toArray();
    }
}
