package dev.hark.trainer.report;

import dev.hark.trainer.eval.FaFrCurve;
import dev.hark.trainer.eval.NineClipCheck;
import dev.hark.trainer.report.LineChart.Axis;
import dev.hark.trainer.train.BestEpoch;
import dev.hark.trainer.train.EpochStats;
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
     * False alarms per hour (log axis) against the false-reject rate (%), one series per model, e.g.
     * "float" and "int8". Operating points with 0 false alarms are drawn on the left edge.
     *
     * @param targetFaPerHour draws a dashed line at the budget; NaN for none
     */
    public static LineChart faFrCurve(Map<String, FaFrCurve> curves, double targetFaPerHour) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("FA/FR chart: no curves");
        }
        LineChart.Builder b = LineChart.builder("False alarms per hour vs false rejects")
                .x(Axis.logarithmic(
                        "false alarms per hour on the negative stream (log scale; 0 drawn at the left edge)"))
                .y(Axis.linear("false-reject rate of keyword clips (%)").range(0, Double.NaN));
        for (Map.Entry<String, FaFrCurve> e : curves.entrySet()) {
            double[] fr = e.getValue().frRate();
            for (int i = 0; i < fr.length; i++) {
                fr[i] *= 100;
            }
            b.series(e.getKey(), e.getValue().faPerHour(), fr);
        }
        if (!Double.isNaN(targetFaPerHour)) {
            b.marker(targetFaPerHour, targetFaPerHour + " FA/h");
        }
        return b.build();
    }

    /** Keyword score over time in the nine-clip check, with the keyword clip shaded; one series per model. */
    public static LineChart streamingScore(Map<String, NineClipCheck> checks) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("streaming chart: no checks");
        }
        NineClipCheck first = checks.values().iterator().next();
        LineChart.Builder b = LineChart.builder("Streaming check: nine clips, keyword only in the middle one")
                // The x axis spans the whole glued audio, not only the window centres.
                .x(Axis.linear("time (s), centre of the 1-second window").range(0, first.scores().seconds()))
                .y(Axis.linear("keyword probability").range(0, 1))
                .size(900, 450)
                .band(first.keywordStartSecond(), first.keywordEndSecond(), "keyword clip");
        for (Map.Entry<String, NineClipCheck> e : checks.entrySet()) {
            float[] s = e.getValue().scores().scores();
            double[] y = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                y[i] = s[i];
            }
            b.series(e.getKey(), e.getValue().seconds(), y);
        }
        return b.build();
    }

    private static double[] epochs(List<EpochStats> history) {
        return history.stream().mapToDouble(EpochStats::epoch).toArray();
    }
}
