package dev.hark.pipeline.distill;

import dev.hark.trainer.eval.ClipMetrics;
import java.util.List;
import java.util.Locale;

/**
 * The distillation table: every model's parameters, MACs of one 1-second clip and per second of streaming audio
 * ({@link dev.hark.trainer.eval.ModelFigures}) and int8 bytes, its float and int8 au_fa_fr on the test split with
 * 95% intervals, and each figure as a ratio to the first model's (the teacher's).
 *
 * @param rows one per model, the teacher first
 */
public record DistillationTable(List<DistillationRow> rows) {
    /** @throws IllegalArgumentException if there is no row */
    public DistillationTable {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("distillation table: no model");
        }
        rows = List.copyOf(rows);
    }

    /** The table in Markdown, with a line that says what the ratios are. */
    public String markdown() {
        DistillationRow teacher = rows.get(0);
        StringBuilder md = new StringBuilder();
        md.append("| model | params | clip MACs | streaming MACs/s | int8 bytes | float au_fa_fr [95%] "
                + "| int8 au_fa_fr [95%] | MACs ratio | bytes ratio | au_fa_fr ratio float | au_fa_fr ratio int8 |\n");
        md.append("|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|\n");
        for (DistillationRow r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %.2fx | %s | %s | %s |%n",
                    r.student().name(), r.figures().parameters(), r.figures().clipMacs(),
                    r.figures().streamingMacsPerSecond(),
                    r.int8Metrics().isEmpty() ? "pending" : Long.toString(r.figures().int8Bytes()),
                    metric(r.floatMetrics()), r.int8Metrics().map(DistillationTable::metric).orElse("int8: pending"),
                    r.figures().macReduction(teacher.figures()),
                    r.int8Metrics().isEmpty() ? "pending" : String.format(Locale.ROOT, "%.2fx",
                            r.figures().int8VersusFloatReduction(teacher.figures())),
                    ratio(r.floatMetrics(), teacher.floatMetrics()),
                    r.int8Metrics().map(q -> ratio(q, teacher.floatMetrics())).orElse("pending")));
        }
        md.append("\nClip MACs: one pass over a 1-second clip; streaming MACs/s: the streaming steps of one second of "
                + "audio. MACs ratio = teacher clip MACs / model clip MACs; bytes ratio = teacher float32 bytes / "
                + "model int8 bytes; au_fa_fr ratio = model au_fa_fr / teacher float au_fa_fr (lower au_fa_fr is "
                + "better).\n");
        return md.toString();
    }

    /** The table as CSV: one row per model, the intervals in their own columns, empty int8 fields while pending. */
    public String csv() {
        DistillationRow teacher = rows.get(0);
        StringBuilder csv = new StringBuilder("model,teacher,params,clip_macs,streaming_macs_per_second,"
                + "float32_bytes,int8_bytes,float_au_fa_fr,float_low,float_high,int8_au_fa_fr,int8_low,int8_high,"
                + "macs_ratio,bytes_ratio,au_fa_fr_ratio_float,au_fa_fr_ratio_int8\n");
        for (DistillationRow r : rows) {
            ClipMetrics f = r.floatMetrics();
            ClipMetrics q = r.int8Metrics().orElse(null);
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%s,%.6f,%.6f,%.6f,%s,%s,%s,%.4f,%s,%s,%s%n",
                    r.student().name(), r.student().teacher().orElse(""),
                    r.figures().parameters(), r.figures().clipMacs(), r.figures().streamingMacsPerSecond(),
                    r.figures().float32Bytes(),
                    q == null ? "" : Long.toString(r.figures().int8Bytes()), f.auFaFr(), f.auFaFrInterval().low(),
                    f.auFaFrInterval().high(), q == null ? "" : fmt(q.auFaFr()),
                    q == null ? "" : fmt(q.auFaFrInterval().low()), q == null ? "" : fmt(q.auFaFrInterval().high()),
                    r.figures().macReduction(teacher.figures()),
                    q == null ? "" : fmt(r.figures().int8VersusFloatReduction(teacher.figures())),
                    fmt(f.auFaFr() / teacher.floatMetrics().auFaFr()),
                    q == null ? "" : fmt(q.auFaFr() / teacher.floatMetrics().auFaFr())));
        }
        return csv.toString();
    }

    private static String metric(ClipMetrics m) {
        return String.format(Locale.ROOT, "%.5f [%.5f, %.5f]", m.auFaFr(), m.auFaFrInterval().low(),
                m.auFaFrInterval().high());
    }

    /** model / teacher; "n/a" when the teacher's area is 0 (both perfect: "1.00x" by convention). */
    private static String ratio(ClipMetrics model, ClipMetrics teacher) {
        if (teacher.auFaFr() == 0) {
            return model.auFaFr() == 0 ? "1.00x (both 0)" : "n/a (teacher 0)";
        }
        return String.format(Locale.ROOT, "%.2fx", model.auFaFr() / teacher.auFaFr());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
