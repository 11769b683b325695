package dev.hark.pipeline.crossval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hark.trainer.eval.Interval;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.eval.PoissonInterval;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.eval.WilsonInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The long-stream columns of the cross-validated table: per model and false-alarm budget, its int8 network's false
 * rejects on the folds' held-out streams. Under each training seed the folds' counts are pooled (every keyword clip
 * of the corpus heard once, every fold's stream hours added) and the operating point is the lowest threshold within
 * the budget over the pooled hours, as {@code hark stream-eval} chooses it. The false-reject rate is the mean over
 * the seeds with a 95% Wilson interval over the keywords (the seeds hear the same keywords, so they count once); the
 * false alarms per hour are all seeds' false alarms over all seeds' hours with an exact Poisson interval.
 *
 * @param description what the streams were
 * @param rows        one per model, in the clip table's order
 */
public record CrossValidationStreamTable(String description, List<Row> rows) {
    /**
     * One model at one budget.
     *
     * @param faBudget    false alarms per hour allowed
     * @param perSeed     the pooled outcome under each seed
     * @param missRate    the mean of the seeds' miss rates
     * @param missRateCi  its 95% Wilson interval over the keywords
     * @param faPerHour   false alarms per hour over all seeds
     * @param faPerHourCi its 95% Poisson interval
     */
    public record Budget(double faBudget, List<StreamOutcome> perSeed, double missRate, Interval missRateCi,
                         double faPerHour, Interval faPerHourCi) {
        public Budget {
            perSeed = List.copyOf(perSeed);
        }

        /** @param perSeed the pooled outcomes at this budget, one per seed, all on the same keywords and hours */
        static Budget of(double faBudget, List<StreamOutcome> perSeed) {
            int keywords = perSeed.get(0).keywords();
            double missRate = perSeed.stream().mapToDouble(StreamOutcome::missRate).average().orElseThrow();
            long falseAlarms = perSeed.stream().mapToLong(StreamOutcome::falseAlarms).sum();
            double hours = perSeed.stream().mapToDouble(StreamOutcome::hours).sum();
            return new Budget(faBudget, perSeed, missRate, WilsonInterval.of(missRate, keywords),
                    falseAlarms / hours, PoissonInterval.ofRate(falseAlarms, hours));
        }
    }

    /** @param budgets one per budget, ascending */
    public record Row(String model, List<Budget> budgets) {
        public Row {
            budgets = List.copyOf(budgets);
        }
    }

    public CrossValidationStreamTable {
        rows = List.copyOf(rows);
    }

    /**
     * @param models  the models, in the clip table's order
     * @param pooled  per model, its counts pooled over the folds under each seed
     * @param budgets false alarms per hour, ascending
     */
    public static CrossValidationStreamTable of(String description, List<String> models,
                                                List<List<StreamCounts>> pooled, List<Double> budgets) {
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            List<Budget> atBudgets = new ArrayList<>();
            for (double budget : budgets) {
                atBudgets.add(Budget.of(budget, pooled.get(m).stream().map(c -> c.atFalseAlarmBudget(budget))
                        .toList()));
            }
            rows.add(new Row(models.get(m), atBudgets));
        }
        return new CrossValidationStreamTable(description, rows);
    }

    /** The columns as a Markdown table of their own, under the description. */
    public String markdown() {
        StringBuilder md = new StringBuilder(description).append("\n\n| model");
        StringBuilder alignment = new StringBuilder("|---");
        for (Budget b : rows.get(0).budgets()) {
            String at = "<= " + PlainNumber.of(b.faBudget()) + " FA/h";
            md.append(" | int8 FRR at ").append(at).append(" [95%] | FRR per seed (misses) | FA/h [95%] "
                    + "| threshold per seed");
            alignment.append("|---|---|---|---");
        }
        md.append(" |\n").append(alignment).append("|\n");
        for (Row r : rows) {
            md.append("| ").append(r.model());
            for (Budget b : r.budgets()) {
                md.append(String.format(Locale.ROOT, " | %.1f%% %s | %s | %.2f %s | %s", 100 * b.missRate(),
                        percent(b.missRateCi()), b.perSeed().stream().map(o -> String.format(Locale.ROOT,
                                "%.1f%% (%d)", 100 * o.missRate(), o.misses())).collect(Collectors.joining("; ")),
                        b.faPerHour(), b.faPerHourCi().format(2), b.perSeed().stream()
                                .map(StreamOutcome::describeThreshold).collect(Collectors.joining("; "))));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    /** The CSV columns' names, to follow a row of the clip table's CSV. */
    public String csvHeader() {
        return rows.get(0).budgets().stream().map(b -> {
            String at = "_at_" + PlainNumber.of(b.faBudget());
            return String.join(",", "stream_frr" + at, "stream_frr_low" + at, "stream_frr_high" + at,
                    "stream_frr_per_seed" + at, "stream_misses_per_seed" + at, "stream_fa_per_hour" + at,
                    "stream_fa_per_hour_low" + at, "stream_fa_per_hour_high" + at,
                    "stream_false_alarms_per_seed" + at, "stream_threshold_per_seed" + at);
        }).collect(Collectors.joining(","));
    }

    /** Row {@code index}'s cells under {@link #csvHeader}. */
    public String csvCells(int index) {
        return rows.get(index).budgets().stream().map(b -> String.join(",", fmt(b.missRate()),
                fmt(b.missRateCi().low()), fmt(b.missRateCi().high()),
                perSeed(b, o -> fmt(o.missRate())), perSeed(b, o -> Integer.toString(o.misses())),
                fmt(b.faPerHour()), fmt(b.faPerHourCi().low()), fmt(b.faPerHourCi().high()),
                perSeed(b, o -> Integer.toString(o.falseAlarms())), perSeed(b, StreamOutcome::describeThreshold)))
                .collect(Collectors.joining(","));
    }

    /** The clip table's CSV with these columns added to every line. */
    public String besideCsv(String clipTableCsv) {
        String[] lines = clipTableCsv.split("\n");
        if (lines.length != rows.size() + 1) {
            throw new IllegalArgumentException("stream columns: " + rows.size() + " models, the clip table has "
                    + (lines.length - 1));
        }
        StringBuilder csv = new StringBuilder(lines[0]).append(',').append(csvHeader()).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            csv.append(lines[i + 1]).append(',').append(csvCells(i)).append('\n');
        }
        return csv.toString();
    }

    /** The clip table's JSON with the description added at the top and each model's figures under "stream". */
    public String besideJson(String clipTableJson) {
        JsonObject root = JsonParser.parseString(clipTableJson).getAsJsonObject();
        root.addProperty("streams", description);
        JsonArray models = root.getAsJsonArray("models");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject model = models.get(i).getAsJsonObject();
            if (!model.get("model").getAsString().equals(rows.get(i).model())) {
                throw new IllegalArgumentException("stream columns: row " + i + " is " + rows.get(i).model()
                        + ", the clip table's " + model.get("model").getAsString());
            }
            JsonArray budgets = new JsonArray();
            for (Budget b : rows.get(i).budgets()) {
                JsonObject o = new JsonObject();
                o.addProperty("faBudget", b.faBudget());
                o.addProperty("int8Frr", b.missRate());
                o.addProperty("int8FrrLow", b.missRateCi().low());
                o.addProperty("int8FrrHigh", b.missRateCi().high());
                o.addProperty("faPerHour", b.faPerHour());
                o.addProperty("faPerHourLow", b.faPerHourCi().low());
                o.addProperty("faPerHourHigh", b.faPerHourCi().high());
                JsonArray seeds = new JsonArray();
                for (StreamOutcome s : b.perSeed()) {
                    JsonObject seed = new JsonObject();
                    seed.addProperty("threshold", s.describeThreshold());
                    seed.addProperty("keywords", s.keywords());
                    seed.addProperty("misses", s.misses());
                    seed.addProperty("falseAlarms", s.falseAlarms());
                    seed.addProperty("hours", s.hours());
                    seeds.add(seed);
                }
                o.add("perSeed", seeds);
                budgets.add(o);
            }
            model.add("stream", budgets);
        }
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
    }

    private static String perSeed(Budget b, Function<StreamOutcome, String> cell) {
        return b.perSeed().stream().map(cell).collect(Collectors.joining(";"));
    }

    private static String percent(Interval i) {
        return String.format(Locale.ROOT, "[%.1f, %.1f]", 100 * i.low(), 100 * i.high());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
