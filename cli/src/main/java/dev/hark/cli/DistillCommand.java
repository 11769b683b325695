package dev.hark.cli;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.pipeline.quantize.ModelDescription;
import dev.hark.pipeline.scoring.ClipScores;
import dev.hark.pipeline.scoring.ModelScorers;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.eval.Int8WindowScorer;
import dev.hark.trainer.distill.Distiller;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.train.CrnnTrainer;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hark distill}: trains the teacher CRNN, distills it into a list of student shapes (one of them in two
 * stages, through another student), quantizes every model to int8 and prints the compression table: size, cost
 * and test-split au_fa_fr of each model against the teacher.
 *
 * <p>Every model trains in its own run directory under {@code <work>/distill/<name>} with a checkpoint per epoch,
 * so running the command again reuses finished models and continues a killed one where it stopped.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Train the teacher, distill it into students of several shapes (and a two-stage chain), "
                + "quantize them and print params, MACs, int8 bytes and test au_fa_fr against the teacher.")
final class DistillCommand implements Callable<Integer> {
    @Mixin
    PipelineOptions pipeline;

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs per model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--temperature", defaultValue = "4", description = "Distillation temperature T "
            + "(default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--alpha", defaultValue = "0.7", description = "Weight of the soft (teacher) term "
            + "(default: ${DEFAULT-VALUE}).")
    float alpha;

    @Option(names = "--beta", defaultValue = "0.3", description = "Weight of the hard (label) term "
            + "(default: ${DEFAULT-VALUE}).")
    float beta;


    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A model of the table: its shape and, for students, the name of the model that teaches it. */
    record Entry(String name, CrnnConfig config, String teacher) {
    }

    /** The teacher, students between it and the report's smallest, with and without attention, and a chain. */
    static List<Entry> defaultEntries() {
        CrnnConfig base = CrnnConfig.defaults();
        CrnnConfig oneLayer = base.toBuilder().optGruLayers(1).build();
        CrnnConfig smallest = base.toBuilder().optConvChannels(2).optKernelMel(5).optKernelTime(20).optStrideMel(2)
                .optStrideTime(6).optGruHidden(16).optGruLayers(1).build();
        return List.of(
                new Entry("teacher", base, null),
                new Entry("c8-h32", oneLayer.toBuilder().optGruHidden(32).build(), "teacher"),
                new Entry("c4-h32", oneLayer.toBuilder().optConvChannels(4).optGruHidden(32).build(), "teacher"),
                new Entry("c4-h24", oneLayer.toBuilder().optConvChannels(4).optGruHidden(24).build(), "teacher"),
                new Entry("c4-h24-noatt", oneLayer.toBuilder().optConvChannels(4).optGruHidden(24)
                        .optAttention(false).build(), "teacher"),
                new Entry("c2-h20", oneLayer.toBuilder().optConvChannels(2).optGruHidden(20).build(), "teacher"),
                new Entry("c2-h16-s6", smallest, "teacher"),
                new Entry("c2-h16-s6-noatt", smallest.toBuilder().optAttention(false).build(), "teacher"),
                new Entry("c2-h16-s6<-c4-h32", smallest, "c4-h32"));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DistillationOptions distillation;
        try {
            distillation = new DistillationOptions(temperature, alpha, beta);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCodes.USAGE, e.getMessage());
        }
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        TrainingFeatures trainingFeatures =
                augmentation.trainingFeatures(data, features.get(Split.TRAIN), pipeline.seed);
        List<Example> dev = features.get(Split.DEV).examples();
        List<LabelledFeatures> test = features.get(Split.TEST).items();
        Path root = pipeline.workspace().root().resolve("distill");

        Map<String, TrainedCrnn> trained = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        try {
            for (Entry entry : defaultEntries()) {
                Path runDir = root.resolve(entry.name().replace("<-", "-from-"));
                TrainingOptions options = TrainingOptions.builder().optEpochs(epochs).optSeed(pipeline.seed)
                        .optRunDirectory(runDir).optProgress(System.err).build();
                System.err.printf(Locale.ROOT, "[distill] %s: %d parameters%s -> %s%n", entry.name(),
                        entry.config().parameterCount(), entry.teacher() == null ? "" : ", taught by "
                                + entry.teacher(), runDir);
                long start = System.nanoTime();
                TrainedCrnn model = entry.teacher() == null
                        ? CrnnTrainer.trainNew(entry.config(), trainingFeatures, dev,
                                FrontendConfig.FEATURE_QUANT, options)
                        : Distiller.distill(trained.get(entry.teacher()).model(), entry.config(),
                                trainingFeatures, dev, FrontendConfig.FEATURE_QUANT, options, distillation);
                trained.put(entry.name(), model);
                CrnnModelStore.save(model.model(), FrontendConfig.FEATURE_QUANT, runDir.resolve("model"));
                System.err.printf(Locale.ROOT, "[distill] %s: best epoch %d, %.2f s per epoch, %.1f s this run%n",
                        entry.name(), model.result().bestEpoch(), model.result().secondsPerEpoch(),
                        (System.nanoTime() - start) / 1e9);
                rows.add(evaluate(entry, model.weights(), features.get(Split.TRAIN), test, runDir));
            }
        } finally {
            trained.values().forEach(TrainedCrnn::close);
        }
        String markdown = markdown(rows);
        out.print(markdown);
        out.flush();
        AtomicFiles.writeString(root.resolve("distill-table.md"), markdown);
        AtomicFiles.writeString(root.resolve("distill-table.csv"), csv(rows));
        out.println("written: " + root.resolve("distill-table.md") + ", " + root.resolve("distill-table.csv"));
        return ExitCodes.OK;
    }

    /** One model's figures and test-split metrics, float and (when quantizable) int8. */
    record Row(Entry entry, ModelFigures figures, ClipMetrics floatMetrics, ClipMetrics int8Metrics,
               String int8Note) {
    }

    private Row evaluate(Entry entry, CrnnWeights weights, FeatureSet train, List<LabelledFeatures> test,
                         Path runDir) throws IOException {
        ClipMetrics floatMetrics = ClipMetrics.of(ClipScores.of(ModelScorers.floatScorer(weights), test));
        ModelInfo info = ModelDescription.named("crnn-" + pipeline.keyword + "-" + entry.name(), weights.config(),
                pipeline.keyword, "hark distill");
        QuantizedModel int8;
        try {
            int8 = CalibrationPolicy.quantize(weights, info, train, CalibrationPolicy.DEFAULT_PLAN);
        } catch (RuntimeException e) { // e.g. a layer the integer network does not support yet
            System.err.println("[distill] " + entry.name() + ": int8 pending: " + e.getMessage());
            return new Row(entry, ModelFigures.of(weights.config()), floatMetrics, null, "pending");
        }
        ModelFile.write(int8, runDir.resolve("model.hark"));
        return new Row(entry, ModelFigures.of(weights.config(), int8), floatMetrics,
                ClipMetrics.of(ClipScores.of(ModelScorers.int8Scorer(int8), test)), "");
    }

    private static String markdown(List<Row> rows) {
        Row teacher = rows.get(0);
        StringBuilder md = new StringBuilder();
        md.append("| model | params | MACs/s | int8 bytes | float au_fa_fr [95%] | int8 au_fa_fr [95%] "
                + "| MACs ratio | bytes ratio | au_fa_fr ratio float | au_fa_fr ratio int8 |\n");
        md.append("|---|---:|---:|---:|---|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %.2fx | %s | %s | %s |%n",
                    r.entry().name(), r.figures().parameters(), r.figures().macsPerSecond(),
                    r.int8Metrics() == null ? "pending" : Long.toString(r.figures().int8Bytes()),
                    metric(r.floatMetrics()), r.int8Metrics() == null ? "int8: pending" : metric(r.int8Metrics()),
                    r.figures().macReduction(teacher.figures()),
                    r.int8Metrics() == null ? "pending" : String.format(Locale.ROOT, "%.2fx",
                            r.figures().int8VersusFloatReduction(teacher.figures())),
                    ratio(r.floatMetrics(), teacher.floatMetrics()),
                    r.int8Metrics() == null ? "pending" : ratio(r.int8Metrics(), teacher.floatMetrics())));
        }
        md.append("\nMACs ratio = teacher MACs / model MACs; bytes ratio = teacher float32 bytes / model int8 bytes;"
                + " au_fa_fr ratio = model au_fa_fr / teacher float au_fa_fr (lower au_fa_fr is better).\n");
        return md.toString();
    }

    private static String csv(List<Row> rows) {
        Row teacher = rows.get(0);
        StringBuilder csv = new StringBuilder("model,teacher,params,macs_per_second,float32_bytes,int8_bytes,"
                + "float_au_fa_fr,float_low,float_high,int8_au_fa_fr,int8_low,int8_high,macs_ratio,bytes_ratio,"
                + "au_fa_fr_ratio_float,au_fa_fr_ratio_int8\n");
        for (Row r : rows) {
            ClipMetrics f = r.floatMetrics();
            ClipMetrics q = r.int8Metrics();
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%s,%.6f,%.6f,%.6f,%s,%s,%s,%.4f,%s,%s,%s%n",
                    r.entry().name(), r.entry().teacher() == null ? "" : r.entry().teacher(),
                    r.figures().parameters(), r.figures().macsPerSecond(), r.figures().float32Bytes(),
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
