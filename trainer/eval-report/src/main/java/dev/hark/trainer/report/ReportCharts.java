package dev.hark.trainer.report;

import dev.hark.trainer.eval.KeywordPosterior;
import dev.hark.trainer.eval.Listening;
import dev.hark.trainer.eval.NineClipCheck;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.report.LineChart.Axis;
import dev.hark.trainer.train.BestEpoch;
import dev.hark.trainer.train.EpochStats;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The report's standard charts, built from evaluation results. */
public final class ReportCharts {
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
     * False alarms per hour (log axis) against the miss rate (%) on the test stream as the detection threshold
     * sweeps, one series per model, e.g. "float" and "int8". Operating points with 0 false alarms are drawn on the
     * left edge.
     *
     * @param curves          each model's outcomes, threshold ascending
     * @param targetFaPerHour draws a dashed line at the budget; NaN for none
     */
    public static LineChart faMissCurve(Map<String, List<StreamOutcome>> curves, double targetFaPerHour) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("FA/miss chart: no curves");
        }
        LineChart.Builder b = LineChart.builder("False alarms per hour vs missed keywords")
                .x(Axis.logarithmic("false alarms per hour on the test stream (log scale; 0 drawn at the left edge)"))
                .y(Axis.linear("keywords missed (%)").range(0, Double.NaN));
        for (Map.Entry<String, List<StreamOutcome>> e : curves.entrySet()) {
            b.series(e.getKey(), e.getValue().stream().mapToDouble(StreamOutcome::faPerHour).toArray(),
                    e.getValue().stream().mapToDouble(o -> 100 * o.missRate()).toArray());
        }
        if (!Double.isNaN(targetFaPerHour)) {
            b.marker(targetFaPerHour, targetFaPerHour + " FA/h");
        }
        return b.build();
    }

    /**
     * The nine-clip check: each model's keyword posterior over time as it listens, its detections marked on the
     * curve, the keyword clip shaded.
     */
    public static LineChart streamingPosteriors(Map<String, NineClipCheck> checks) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("streaming chart: no checks");
        }
        NineClipCheck first = checks.values().iterator().next();
        LineChart.Builder b = LineChart.builder("Streaming check: nine clips, keyword only in the middle one")
                // The x axis spans the whole glued audio, not only the steps.
                .x(Axis.linear("time (s), when the step's audio has arrived").range(0, first.seconds()))
                .y(Axis.linear("keyword posterior (probability)").range(0, 1))
                .size(900, 450)
                .band(first.keyword().startSecond(), first.keyword().endSecond(), "keyword clip");
        for (Map.Entry<String, NineClipCheck> e : checks.entrySet()) {
            Listening l = e.getValue().listening();
            b.series(e.getKey(), e.getValue().stepSeconds(),
                    Arrays.stream(l.posteriors()).mapToDouble(KeywordPosterior::probability).toArray());
        }
        for (Map.Entry<String, NineClipCheck> e : checks.entrySet()) {
            Listening l = e.getValue().listening();
            b.points(e.getKey() + " detections", l.detectionSeconds(), l.detections().stream()
                    .mapToDouble(d -> KeywordPosterior.probability(l.posteriors()[(int) d.step()])).toArray());
        }
        return b.build();
    }

    private static double[] epochs(List<EpochStats> history) {
        return history.stream().mapToDouble(EpochStats::epoch).toArray();
    }
}
