package dev.hark.trainer.report;

import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.eval.ModelFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Standard report tables built from evaluation results; numbers formatted for reading. */
public final class ReportTables {
    private ReportTables() {
    }

    /** One row per model (e.g. "float", "int8"): au_fa_fr, accuracy, FR and FA at 0.5, with 95% intervals. */
    public static HtmlReport.Table clipMetrics(String caption, Map<String, ClipMetrics> byModel) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, ClipMetrics> e : byModel.entrySet()) {
            ClipMetrics m = e.getValue();
            rows.add(List.of(e.getKey(), m.positives() + " / " + m.negatives(),
                    f(m.auFaFr(), 5) + " " + m.auFaFrInterval().format(5),
                    pct(m.accuracy()) + " " + pctInterval(m.accuracyInterval().low(), m.accuracyInterval().high()),
                    m.falseRejects() + " (" + pct(m.frRate()) + ") "
                            + pctInterval(m.frRateInterval().low(), m.frRateInterval().high()),
                    m.falseAlarms() + " (" + pct(m.faRate()) + ") "
                            + pctInterval(m.faRateInterval().low(), m.faRateInterval().high())));
        }
        return new HtmlReport.Table(caption, List.of("model", "keyword / other clips", "au_fa_fr [95%]",
                "accuracy at 0.5 [95%]", "false rejects at 0.5 [95%]", "false alarms at 0.5 [95%]"), rows);
    }

    /**
     * One row per model: its operating point on the test stream: the detection threshold, hits, misses and false
     * alarms, the miss rate (Clopper-Pearson) and false alarms per hour (Poisson) with 95% intervals.
     */
    public static HtmlReport.Table streaming(String caption, Map<String, StreamOutcome> byModel) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, StreamOutcome> e : byModel.entrySet()) {
            StreamOutcome o = e.getValue();
            rows.add(List.of(e.getKey(), o.fires() ? Integer.toString(o.threshold()) : "none meets the budget",
                    Integer.toString(o.keywords()), Integer.toString(o.hits()), Integer.toString(o.misses()),
                    pct(o.missRate()) + " " + pctInterval(o.missRateInterval().low(), o.missRateInterval().high()),
                    Integer.toString(o.falseAlarms()), f(o.faPerHour(), 2) + " " + o.faPerHourInterval().format(2)));
        }
        return new HtmlReport.Table(caption, List.of("model", "threshold (mean keyword score)", "keywords", "hits",
                "misses", "miss rate [95%]", "false alarms", "false alarms per hour [95%]"), rows);
    }

    /**
     * One row per model: parameters, MACs of one whole-clip pass over a 1-second clip and per second of streaming
     * audio ({@link ModelFigures}), float32 and int8 bytes.
     */
    public static HtmlReport.Table modelFigures(String caption, Map<String, ModelFigures> byModel) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, ModelFigures> e : byModel.entrySet()) {
            ModelFigures m = e.getValue();
            rows.add(List.of(e.getKey(), String.format(Locale.ROOT, "%,d", m.parameters()),
                    String.format(Locale.ROOT, "%,d", m.clipMacs()),
                    String.format(Locale.ROOT, "%,d", m.streamingMacsPerSecond()),
                    String.format(Locale.ROOT, "%,d", m.float32Bytes()),
                    String.format(Locale.ROOT, "%,d", m.int8Bytes())));
        }
        return new HtmlReport.Table(caption, List.of("model", "parameters", "MACs per 1-second clip",
                "MACs per second of streaming audio", "float32 bytes", "int8 bytes"), rows);
    }

    static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String pct(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * rate);
    }

    static String pctInterval(double low, double high) {
        return String.format(Locale.ROOT, "[%.2f, %.2f]%%", 100 * low, 100 * high);
    }
}
