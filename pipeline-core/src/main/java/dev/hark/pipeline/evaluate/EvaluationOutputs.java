package dev.hark.pipeline.evaluate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.hark.pipeline.report.ReportStage;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.Interval;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.report.EvaluationReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code hark evaluate} writes and prints: the per-clip CSV, the JSON summary (schema {@value #SCHEMA},
 * documented in docs/metrics.md) and the text summary.
 */
public final class EvaluationOutputs {
    /** The JSON summary's schema name and version; a change that renames or removes a field takes a new version. */
    public static final String SCHEMA = "hark-evaluate/1";

    /** How many entries of each breakdown the text summary names. */
    private static final int SUMMARY_ENTRIES = 5;

    private EvaluationOutputs() {
    }

    /** Writes the CSV and the JSON summary, each atomically. */
    static void write(EvaluateStage.Evaluation e) throws IOException {
        AtomicFiles.writeString(e.csv(), csv(e));
        AtomicFiles.writeString(e.json(), new GsonBuilder().setPrettyPrinting().serializeNulls().create()
                .toJson(json(e)) + "\n");
    }

    /**
     * One row per clip: {@code path,word,speaker,keyword}, then per network its score and whether it accepts the
     * clip at {@link ClipMetrics#THRESHOLD} ({@code int8_score,int8_accepted[,float_score,float_accepted]}).
     */
    public static String csv(EvaluateStage.Evaluation e) {
        List<String> networks = networks(e);
        StringBuilder b = new StringBuilder("path,word,speaker,keyword");
        networks.forEach(n -> b.append(',').append(n).append("_score,").append(n).append("_accepted"));
        b.append('\n');
        for (int i = 0; i < e.clips().size(); i++) {
            LabelledFeatures clip = e.clips().get(i);
            b.append(cell(e.paths().get(i))).append(',').append(cell(clip.word())).append(',')
                    .append(cell(clip.speaker())).append(',').append(clip.label());
            for (String n : networks) {
                float score = e.scores().get(n).keywordScore()[i];
                b.append(',').append(String.format(Locale.ROOT, "%.6f", score)).append(',')
                        .append(score >= ClipMetrics.THRESHOLD ? 1 : 0);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The JSON summary (see docs/metrics.md for its fields). */
    public static JsonObject json(EvaluateStage.Evaluation e) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        JsonObject model = new JsonObject();
        model.addProperty("file", e.model().toString());
        model.addProperty("name", e.modelName());
        model.addProperty("keyword", e.data().keyword());
        root.add("model", model);
        JsonObject data = new JsonObject();
        data.addProperty("source", e.data().source().toString());
        data.addProperty("split", e.data().split().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null));
        data.addProperty("clips", e.clips().size());
        data.addProperty("keywordClips", e.data().keywordClips());
        data.addProperty("otherClips", e.clips().size() - e.data().keywordClips());
        data.addProperty("speakers", e.clips().stream().map(LabelledFeatures::speaker).distinct().count());
        data.addProperty("backgroundRecordings", e.data().background().size());
        root.add("data", data);
        root.addProperty("threshold", ClipMetrics.THRESHOLD);
        EvaluationReport.Streaming streaming = e.report().streaming().orElseThrow();
        JsonObject stream = new JsonObject();
        stream.addProperty("hours", streaming.hours());
        stream.addProperty("keywords", streaming.keywords());
        stream.addProperty("seed", e.settings().seed());
        stream.addProperty("falseAlarmBudgetPerHour", streaming.faBudget());
        root.add("stream", stream);
        JsonObject networks = new JsonObject();
        for (String n : networks(e)) {
            networks.add(n, network(e.report().clipMetrics().get(n), streaming.atBudget().get(n)));
        }
        root.add("networks", networks);
        JsonObject breakdowns = new JsonObject();
        breakdowns.add("falseAcceptsByWord", counts(e.breakdowns().falseAcceptsByWord(), "word"));
        breakdowns.add("missesBySpeaker", counts(e.breakdowns().missesBySpeaker(), "speaker"));
        breakdowns.add("worstKeywordClips", clips(e.breakdowns().worstKeywordClips()));
        breakdowns.add("worstOtherClips", clips(e.breakdowns().worstOtherClips()));
        root.add("breakdowns", breakdowns);
        if (e.firmware().isPresent()) {
            EvaluateStage.FirmwareRun f = e.firmware().get();
            JsonObject firmware = new JsonObject();
            firmware.addProperty("target", f.target().makeName());
            firmware.addProperty("builtWith", f.builtWith());
            firmware.addProperty("identical", f.comparison().identical());
            firmware.addProperty("bytesCompared", f.comparison().bytesCompared());
            firmware.addProperty("bytesDiffering", f.comparison().bytesDiffering());
            firmware.addProperty("firstDifference", f.comparison().firstDifference().orElse(null));
            root.add("firmware", firmware);
        } else {
            root.add("firmware", JsonNull.INSTANCE);
        }
        if (e.overlap().isPresent()) {
            JsonObject overlap = new JsonObject();
            overlap.addProperty("clips", e.overlap().get().clips());
            overlap.addProperty("speakers", e.overlap().get().speakers());
            root.add("trainingSpeakerClips", overlap);
        } else {
            root.add("trainingSpeakerClips", JsonNull.INSTANCE);
        }
        JsonObject gate = new JsonObject();
        QualityGate g = e.settings().gate();
        gate.add("maxFrr", g.maxFrr().isPresent() ? new JsonPrimitive(g.maxFrr().getAsDouble())
                : JsonNull.INSTANCE);
        gate.addProperty("atFaPerHour", g.atFaPerHour());
        gate.add("maxAuFaFr", g.maxAuFaFr().isPresent()
                ? new JsonPrimitive(g.maxAuFaFr().getAsDouble()) : JsonNull.INSTANCE);
        gate.addProperty("passed", e.gateFailures().isEmpty());
        JsonArray failures = new JsonArray();
        e.gateFailures().forEach(failures::add);
        gate.add("failures", failures);
        root.add("gate", gate);
        return root;
    }

    /** The text summary: what was evaluated, each network's figures, the breakdowns, the firmware, the gate. */
    public static List<String> text(EvaluateStage.Evaluation e) {
        List<String> lines = new ArrayList<>();
        EvaluationReport.Streaming streaming = e.report().streaming().orElseThrow();
        lines.add(String.format(Locale.ROOT, "%s on %s: %d clips (%d '%s', %d other) from %d speakers; stream %.2f h"
                        + " with %d keywords%s", e.model().getFileName(), e.data().source() + e.data().split()
                        .map(s -> " (the " + s.name().toLowerCase(Locale.ROOT) + " split's speakers)").orElse(""),
                e.clips().size(),
                e.data().keywordClips(), e.data().keyword(), e.clips().size() - e.data().keywordClips(),
                e.clips().stream().map(LabelledFeatures::speaker).distinct().count(), streaming.hours(),
                streaming.keywords(), e.data().background().isEmpty() ? ""
                        : " (and " + e.data().background().size() + " background recordings)"));
        lines.add(e.overlap().map(EvaluateStage.SpeakerOverlap::describe)
                .orElse(EvaluateStage.SpeakerOverlap.NO_RECORD));
        lines.addAll(ReportStage.summary(e.report()));
        for (String n : networks(e)) {
            ClipMetrics m = e.report().clipMetrics().get(n);
            lines.add(String.format(Locale.ROOT, "%s at threshold %.2f: false rejects %.2f%% [%.2f, %.2f] (%d of %d),"
                            + " false accepts %.2f%% [%.2f, %.2f] (%d of %d)", n, ClipMetrics.THRESHOLD,
                    100 * m.frRate(), 100 * m.frRateInterval().low(), 100 * m.frRateInterval().high(),
                    m.falseRejects(), m.positives(), 100 * m.faRate(), 100 * m.faRateInterval().low(),
                    100 * m.faRateInterval().high(), m.falseAlarms(), m.negatives()));
        }
        Breakdowns b = e.breakdowns();
        lines.add("false accepts by word (int8): " + join(b.falseAcceptsByWord().stream()
                .filter(c -> c.errors() > 0).map(c -> c.name() + " " + c.errors() + "/" + c.clips()).toList()));
        lines.add("misses by speaker (int8): " + join(b.missesBySpeaker().stream().filter(c -> c.errors() > 0)
                .map(c -> EvaluateStage.speaker(c.name()) + " " + c.errors() + "/" + c.clips()).toList()));
        lines.add("keyword clips scored lowest: " + join(scored(b.worstKeywordClips())));
        lines.add("other clips scored highest: " + join(scored(b.worstOtherClips())));
        e.firmware().ifPresent(f -> lines.add(f.target().makeName() + " (" + f.builtWith() + "): "
                + (f.comparison().identical() ? "every score byte matched the simulator: " : "DIFFERS from the "
                + "simulator: ") + f.comparison().summary()));
        if (e.settings().gate().isSet()) {
            lines.add(e.gateFailures().isEmpty() ? "quality gate: passed"
                    : "quality gate FAILED: " + String.join("; ", e.gateFailures()));
        }
        lines.add("outputs: " + e.csv() + ", " + e.json() + ", " + e.report().page());
        return lines;
    }

    /** The networks in the report's order: float (when its weights were given), then int8. */
    private static List<String> networks(EvaluateStage.Evaluation e) {
        return List.copyOf(e.scores().keySet());
    }

    private static JsonObject network(ClipMetrics m, StreamOutcome o) {
        JsonObject n = new JsonObject();
        n.add("accuracy", rate(m.accuracy(), m.accuracyInterval(), m.correct(), m.positives() + m.negatives()));
        n.add("falseRejectRate", rate(m.frRate(), m.frRateInterval(), m.falseRejects(), m.positives()));
        n.add("falseAcceptRate", rate(m.faRate(), m.faRateInterval(), m.falseAlarms(), m.negatives()));
        n.add("auFaFr", estimate(m.auFaFr(), m.auFaFrInterval()));
        JsonObject stream = new JsonObject();
        if (o.fires()) {
            stream.addProperty("threshold", o.threshold());
        } else {
            stream.add("threshold", JsonNull.INSTANCE);
        }
        stream.addProperty("hits", o.hits());
        stream.addProperty("misses", o.misses());
        stream.addProperty("falseAlarms", o.falseAlarms());
        stream.add("falseRejectRate", rate(o.missRate(), o.missRateInterval(), o.misses(), o.keywords()));
        stream.add("falseAlarmsPerHour", estimate(o.faPerHour(), o.faPerHourInterval()));
        n.add("streamAtBudget", stream);
        return n;
    }

    /** A rate with its interval, and the count it is of. */
    private static JsonObject rate(double value, Interval interval, long count, long of) {
        JsonObject r = estimate(value, interval);
        r.addProperty("count", count);
        r.addProperty("of", of);
        return r;
    }

    /** A figure with its interval: one shape for every estimate in summary.json. */
    private static JsonObject estimate(double value, Interval interval) {
        JsonObject e = new JsonObject();
        e.addProperty("value", value);
        e.addProperty("low", interval.low());
        e.addProperty("high", interval.high());
        return e;
    }

    private static JsonArray counts(List<Breakdowns.Count> counts, String key) {
        JsonArray a = new JsonArray();
        for (Breakdowns.Count c : counts) {
            JsonObject o = new JsonObject();
            o.addProperty(key, c.name());
            o.addProperty("errors", c.errors());
            o.addProperty("clips", c.clips());
            a.add(o);
        }
        return a;
    }

    private static JsonArray clips(List<Breakdowns.ClipScore> clips) {
        JsonArray a = new JsonArray();
        for (Breakdowns.ClipScore c : clips) {
            JsonObject o = new JsonObject();
            o.addProperty("path", c.path());
            o.addProperty("word", c.word());
            o.addProperty("speaker", c.speaker());
            o.addProperty("score", c.score());
            a.add(o);
        }
        return a;
    }

    private static List<String> scored(List<Breakdowns.ClipScore> clips) {
        return clips.stream().limit(SUMMARY_ENTRIES).map(c -> String.format(Locale.ROOT, "%s (%.3f)", c.path(),
                c.score())).toList();
    }

    private static String join(List<String> entries) {
        if (entries.isEmpty()) {
            return "none";
        }
        String shown = entries.stream().limit(SUMMARY_ENTRIES).collect(Collectors.joining(", "));
        return entries.size() > SUMMARY_ENTRIES ? shown + ", ... (" + entries.size() + " in all)" : shown;
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
