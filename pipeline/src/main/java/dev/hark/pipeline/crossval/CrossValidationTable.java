package dev.hark.pipeline.crossval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.hark.pipeline.distill.Student;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.Interval;
import dev.hark.trainer.eval.McNemar;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.PairedBootstrap;
import dev.hark.trainer.train.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The cross-validated compression table: per model its size and cost (parameters, MACs of one 1-second clip and per
 * second of streaming audio, int8 bytes: {@link ModelFigures}), its float and int8 au_fa_fr on every clip of
 * the corpus (each tested once per seed, by the fold that held it out) as the mean over the training seeds with a
 * paired-bootstrap interval, and two paired claims on the same clips: the model's float network against the
 * teacher's, and its int8 network against its own float one. Each claim has the bootstrap's difference, its
 * interval and verdict, and McNemar's exact test at the decision threshold, seed by seed.
 *
 * @param description what was run: folds, seeds, clips, resamples
 * @param rows        one per model, the teacher first
 */
public record CrossValidationTable(Description description, List<Row> rows) {
    /**
     * @param folds          folds by speaker
     * @param foldSeed       the seed the folds were dealt with
     * @param seeds          the training seeds
     * @param clips          clips tested (each once per seed)
     * @param positives      keyword clips among them
     * @param resamples      bootstrap resamples
     * @param bootstrapSeed  the bootstrap's seed
     */
    public record Description(int folds, long foldSeed, List<Long> seeds, int clips, int positives, int resamples,
                              long bootstrapSeed) {
        public Description {
            seeds = List.copyOf(seeds);
        }
    }

    /**
     * One network's figure.
     *
     * @param mean     au_fa_fr on all clips, averaged over the seeds
     * @param interval its 95% paired-bootstrap interval
     * @param perSeed  au_fa_fr on all clips under each seed
     */
    public record Figure(double mean, Interval interval, List<Double> perSeed) {
        public Figure {
            perSeed = List.copyOf(perSeed);
        }
    }

    /**
     * A paired claim "A vs B" on the same clips.
     *
     * @param a         A's name, e.g. {@code c4-h24 float}
     * @param b         B's name, e.g. {@code teacher float}
     * @param bootstrap A's au_fa_fr minus B's, its interval and verdict
     * @param mcnemar   McNemar's exact test at {@link ClipMetrics#THRESHOLD}, one per seed
     */
    public record Claim(String a, String b, PairedBootstrap.Comparison bootstrap, List<McNemar> mcnemar) {
        public Claim {
            mcnemar = List.copyOf(mcnemar);
        }

        /** The bootstrap's verdict with the networks named. */
        public String verdict() {
            return bootstrap.verdict().naming(a, b);
        }
    }

    /**
     * @param versusTeacher   the float network against the teacher's; null on the teacher's own row
     * @param int8VersusFloat the int8 network against the same model's float one
     */
    public record Row(Student student, ModelFigures figures, Figure floatFigure, Figure int8Figure,
                      Claim versusTeacher, Claim int8VersusFloat) {
    }

    public CrossValidationTable {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cross-validation table: no model");
        }
        rows = List.copyOf(rows);
    }

    /**
     * Computes the table from the pooled scores.
     *
     * @param isKeyword    the clips' labels, in the order of every score array
     * @param floatScores  per model (zoo order), its float scores under each seed
     * @param int8Scores   likewise for the int8 networks
     */
    public static CrossValidationTable of(Description description, List<Student> zoo, List<ModelFigures> figures,
                                          boolean[] isKeyword, List<List<float[]>> floatScores,
                                          List<List<float[]>> int8Scores) {
        List<List<float[]>> networks = new ArrayList<>();
        for (int m = 0; m < zoo.size(); m++) {
            networks.add(floatScores.get(m));
            networks.add(int8Scores.get(m));
        }
        PairedBootstrap bootstrap = PairedBootstrap.run(isKeyword, networks, description.resamples(),
                description.bootstrapSeed());
        List<Row> rows = new ArrayList<>();
        String teacher = zoo.get(0).name();
        for (int m = 0; m < zoo.size(); m++) {
            String name = zoo.get(m).name();
            Claim versusTeacher = m == 0 ? null : new Claim(name + " float", teacher + " float",
                    bootstrap.compare(2 * m, 0), mcnemar(floatScores.get(m), floatScores.get(0), isKeyword));
            Claim int8VersusFloat = new Claim(name + " int8", name + " float", bootstrap.compare(2 * m + 1, 2 * m),
                    mcnemar(int8Scores.get(m), floatScores.get(m), isKeyword));
            rows.add(new Row(zoo.get(m), figures.get(m), figure(bootstrap, 2 * m, floatScores.get(m), isKeyword),
                    figure(bootstrap, 2 * m + 1, int8Scores.get(m), isKeyword), versusTeacher, int8VersusFloat));
        }
        return new CrossValidationTable(description, rows);
    }

    private static Figure figure(PairedBootstrap bootstrap, int network, List<float[]> seeds, boolean[] isKeyword) {
        return new Figure(bootstrap.figure(network), bootstrap.interval(network),
                seeds.stream().map(s -> Metrics.auFaFr(s, isKeyword)).toList());
    }

    private static List<McNemar> mcnemar(List<float[]> a, List<float[]> b, boolean[] isKeyword) {
        List<McNemar> tests = new ArrayList<>();
        for (int s = 0; s < a.size(); s++) {
            tests.add(McNemar.atThreshold(a.get(s), b.get(s), isKeyword, ClipMetrics.THRESHOLD));
        }
        return tests;
    }

    /** What the table is, in two lines. */
    public String summary() {
        Description d = description;
        return String.format(Locale.ROOT, "%d folds by speaker (fold seed %d), training seeds %s: %d clips "
                        + "(%d keyword), each tested once per seed by the fold that held its speaker out.%n"
                        + "au_fa_fr on all clips, mean over the seeds [95%% paired bootstrap over clips, %d resamples,"
                        + " seed %d]; a verdict when the difference's interval leaves out 0; McNemar: exact test at "
                        + "threshold %.1f per seed, clips only A gets right / only B, p.%n",
                d.folds(), d.foldSeed(), d.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                d.clips(), d.positives(), d.resamples(), d.bootstrapSeed(), ClipMetrics.THRESHOLD);
    }

    /** The table as Markdown, after its {@link #summary()}. */
    public String markdown() {
        ModelFigures teacher = rows.get(0).figures();
        StringBuilder md = new StringBuilder(summary()).append('\n');
        md.append("| model | params | clip MACs | streaming MACs/s | int8 bytes | MACs ratio | bytes ratio "
                + "| float au_fa_fr [95%] | int8 au_fa_fr [95%] | float vs teacher: difference [95%] | verdict "
                + "| McNemar per seed | int8 vs float: difference [95%] | verdict | McNemar per seed |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Claim t = r.versusTeacher();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2fx | %.2fx | %s | %s | %s | %s | %s "
                            + "| %s | %s | %s |%n",
                    r.student().name(), r.figures().parameters(), r.figures().clipMacs(),
                    r.figures().streamingMacsPerSecond(), r.figures().int8Bytes(), r.figures().macReduction(teacher),
                    r.figures().int8VersusFloatReduction(teacher), figure(r.floatFigure()), figure(r.int8Figure()),
                    t == null ? "-" : difference(t), t == null ? "-" : t.verdict(), t == null ? "-" : mcnemar(t),
                    difference(r.int8VersusFloat()), r.int8VersusFloat().verdict(), mcnemar(r.int8VersusFloat())));
        }
        md.append("\nClip MACs: one pass over a 1-second clip; streaming MACs/s: the streaming steps of one second of "
                + "audio. MACs ratio = teacher clip MACs / model clip MACs; bytes ratio = teacher float32 bytes / "
                + "model int8 bytes; difference = A's au_fa_fr - B's (below 0: A lower, better).\n");
        return md.toString();
    }

    /**
     * One row per model; intervals in their own columns, per-seed figures and McNemar tests separated by ';' (a test
     * as {@code aOnly/bOnly/p}, p with four significant digits, as small p-values have).
     */
    public String csv() {
        StringBuilder csv = new StringBuilder("model,teacher,params,clip_macs,streaming_macs_per_second,"
                + "float32_bytes,int8_bytes,float_au_fa_fr,float_low,float_high,float_per_seed,int8_au_fa_fr,int8_low,"
                + "int8_high,int8_per_seed,"
                + "vs_teacher_difference,vs_teacher_low,vs_teacher_high,vs_teacher_verdict,vs_teacher_mcnemar,"
                + "int8_vs_float_difference,int8_vs_float_low,int8_vs_float_high,int8_vs_float_verdict,"
                + "int8_vs_float_mcnemar\n");
        for (Row r : rows) {
            csv.append(String.join(",", r.student().name(), r.student().teacher().orElse(""),
                    Long.toString(r.figures().parameters()), Long.toString(r.figures().clipMacs()),
                    Long.toString(r.figures().streamingMacsPerSecond()),
                    Long.toString(r.figures().float32Bytes()), Long.toString(r.figures().int8Bytes()),
                    csvFigure(r.floatFigure()), csvFigure(r.int8Figure()),
                    r.versusTeacher() == null ? ",,,," : csvClaim(r.versusTeacher()), csvClaim(r.int8VersusFloat())));
            csv.append('\n');
        }
        return csv.toString();
    }

    /** The table as JSON, every figure at full precision. */
    public String json() {
        JsonObject root = new JsonObject();
        Description d = description;
        root.addProperty("folds", d.folds());
        root.addProperty("foldSeed", d.foldSeed());
        JsonArray seeds = new JsonArray();
        d.seeds().forEach(seeds::add);
        root.add("seeds", seeds);
        root.addProperty("clips", d.clips());
        root.addProperty("positives", d.positives());
        root.addProperty("resamples", d.resamples());
        root.addProperty("bootstrapSeed", d.bootstrapSeed());
        root.addProperty("threshold", ClipMetrics.THRESHOLD);
        JsonArray models = new JsonArray();
        for (Row r : rows) {
            JsonObject m = new JsonObject();
            m.addProperty("model", r.student().name());
            m.addProperty("teacher", r.student().teacher().orElse(null));
            m.addProperty("params", r.figures().parameters());
            m.addProperty("clipMacs", r.figures().clipMacs());
            m.addProperty("streamingMacsPerSecond", r.figures().streamingMacsPerSecond());
            m.addProperty("float32Bytes", r.figures().float32Bytes());
            m.addProperty("int8Bytes", r.figures().int8Bytes());
            m.add("float", json(r.floatFigure()));
            m.add("int8", json(r.int8Figure()));
            if (r.versusTeacher() != null) {
                m.add("versusTeacher", json(r.versusTeacher()));
            }
            m.add("int8VersusFloat", json(r.int8VersusFloat()));
            models.add(m);
        }
        root.add("models", models);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
    }

    private static JsonObject json(Figure f) {
        JsonObject o = new JsonObject();
        o.addProperty("auFaFr", f.mean());
        o.addProperty("low", f.interval().low());
        o.addProperty("high", f.interval().high());
        JsonArray perSeed = new JsonArray();
        f.perSeed().forEach(perSeed::add);
        o.add("perSeed", perSeed);
        return o;
    }

    private static JsonObject json(Claim c) {
        JsonObject o = new JsonObject();
        o.addProperty("a", c.a());
        o.addProperty("b", c.b());
        o.addProperty("difference", c.bootstrap().difference());
        o.addProperty("low", c.bootstrap().interval().low());
        o.addProperty("high", c.bootstrap().interval().high());
        o.addProperty("verdict", c.verdict());
        JsonArray tests = new JsonArray();
        for (McNemar t : c.mcnemar()) {
            JsonObject test = new JsonObject();
            test.addProperty("aOnly", t.aOnly());
            test.addProperty("bOnly", t.bOnly());
            test.addProperty("p", t.pValue());
            test.addProperty("verdict", t.verdict(McNemar.LEVEL).naming(c.a(), c.b()));
            tests.add(test);
        }
        o.add("mcnemar", tests);
        return o;
    }

    private static String figure(Figure f) {
        return String.format(Locale.ROOT, "%.5f %s", f.mean(), f.interval().format(5));
    }

    private static String difference(Claim c) {
        return String.format(Locale.ROOT, "%+.5f %s", c.bootstrap().difference(), c.bootstrap().interval().format(5));
    }

    private static String mcnemar(Claim c) {
        return c.mcnemar().stream().map(t -> String.format(Locale.ROOT, "%d/%d p=%.3g", t.aOnly(), t.bOnly(),
                t.pValue())).collect(Collectors.joining("; "));
    }

    private static String csvFigure(Figure f) {
        return String.join(",", fmt(f.mean()), fmt(f.interval().low()), fmt(f.interval().high()),
                f.perSeed().stream().map(CrossValidationTable::fmt).collect(Collectors.joining(";")));
    }

    private static String csvClaim(Claim c) {
        return String.join(",", fmt(c.bootstrap().difference()), fmt(c.bootstrap().interval().low()),
                fmt(c.bootstrap().interval().high()), c.verdict(), c.mcnemar().stream()
                        .map(t -> String.format(Locale.ROOT, "%d/%d/%.4g", t.aOnly(), t.bOnly(), t.pValue()))
                        .collect(Collectors.joining(";")));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
