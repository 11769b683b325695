package dev.hark.pipeline.distill;

import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.pipeline.quantize.ModelDescription;
import dev.hark.pipeline.scoring.ClipScores;
import dev.hark.pipeline.scoring.ModelScorers;
import dev.hark.pipeline.train.HardNegativeMining;
import dev.hark.pipeline.train.StreamSequenceTuning;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.augment.AugmentationConfig;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.distill.Distiller;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.stream.StreamFineTuner;
import dev.hark.trainer.train.CrnnTrainer;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import dev.hark.trainer.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Distillation: trains every model of a zoo in order (the teacher on the labels, each student against its
 * teacher), quantizes each with the {@link CalibrationPolicy}, scores float and int8 on the test split and writes
 * the {@link DistillationTable} as Markdown and CSV.
 *
 * <p>Every model trains in its own run directory under {@link Workspace#distillation()} with a checkpoint per epoch,
 * so running the stage again reuses finished models and continues a killed one where it stopped.
 */
public final class DistillStage {
    /**
     * @param keyword      the keyword, for the model files' descriptions
     * @param epochs       epochs per model
     * @param seed         training seed of every model
     * @param distillation the loss's temperature and weights
     * @param branchedConv  train the students' convolutions as RepVGG-style branches, folded into plain ones for
     *                      export (the teacher trains plain); their run directories end in {@value #BRANCHED}
     * @param rounding     the requantization rounding every model is quantized for (the float models do not depend
     *                     on it, so a rerun with another rounding quantizes the finished models again, untrained)
     */
    public record Settings(String keyword, int epochs, long seed, DistillationOptions distillation,
                           boolean branchedConv, Rounding rounding) {
        /** Quantized in the pipeline's default rounding. */
        public Settings(String keyword, int epochs, long seed, DistillationOptions distillation,
                        boolean branchedConv) {
            this(keyword, epochs, seed, distillation, branchedConv, CalibrationPolicy.DEFAULT_ROUNDING);
        }

        /** Plain convolutions everywhere, quantized in the pipeline's default rounding. */
        public Settings(String keyword, int epochs, long seed, DistillationOptions distillation) {
            this(keyword, epochs, seed, distillation, false);
        }
    }

    /** The end of a branched student's run directory name, so it never resumes a plain student's checkpoints. */
    public static final String BRANCHED = "-branched";
    /** The folder of a model's run directory that its mining rounds' windows are kept in. */
    public static final String MINING = "mining";
    /** The folder of a model's run directory that its stream loss's fine-tuning is checkpointed in. */
    public static final String STREAM_LOSS = "stream-loss";

    private DistillStage() {
    }

    /**
     * @param train    the training clips as the trainer sees them (see {@link TrainStage#trainingFeatures})
     * @param features the cached features: calibration from the training split, each model's kept epoch chosen
     *                 on dev, the table measured on test
     */
    public static DistillationTable run(List<Student> zoo, TrainingFeatures train, Map<Split, FeatureSet> features,
                                        Settings settings, Workspace workspace, PrintStream log) throws IOException {
        return run(zoo, train, features, settings, Optional.empty(), workspace, log);
    }

    /**
     * {@link #run(List, TrainingFeatures, Map, Settings, Workspace, PrintStream)}, each model trained for streams
     * after its training when {@code mining} is present ({@link ZooStreamTraining}).
     */
    public static DistillationTable run(List<Student> zoo, TrainingFeatures train, Map<Split, FeatureSet> features,
                                        Settings settings, Optional<ZooStreamTraining> mining, Workspace workspace,
                                        PrintStream log) throws IOException {
        List<DistillationRow> rows = new ArrayList<>();
        trainZoo(zoo, train, features.get(Split.DEV).examples(), settings, mining, workspace.distillation(), log,
                (student, model, runDir) -> rows.add(evaluate(student, model.weights(), settings.keyword(),
                        features.get(Split.TRAIN), features.get(Split.TEST).items(), runDir, "hark distill",
                        settings.rounding(), log).row()));
        DistillationTable table = new DistillationTable(rows);
        AtomicFiles.writeString(workspace.distillationTable(), table.markdown());
        AtomicFiles.writeString(workspace.distillationCsv(), table.csv());
        return table;
    }

    /** What is done with each model of a zoo once it is trained, while it is still open. */
    @FunctionalInterface
    public interface TrainedModels {
        /**
         * @param model  the trained model, closed after the whole zoo is trained
         * @param runDir its run directory, which holds its checkpoints and its saved float model
         */
        void accept(Student student, TrainedCrnn model, Path runDir) throws IOException;
    }

    /**
     * Trains every model of {@code zoo} in order (the teacher on the labels, each student against its teacher),
     * each in its own run directory under {@code directory} with a checkpoint per epoch, and hands each to
     * {@code trained}. A finished model is taken back from its checkpoints without training; a killed one continues
     * from its last epoch.
     *
     * @param train the training clips as the trainer sees them
     * @param dev   the clips each model's kept epoch is chosen on
     */
    public static void trainZoo(List<Student> zoo, TrainingFeatures train, List<Example> dev, Settings settings,
                                Path directory, PrintStream log, TrainedModels trained) throws IOException {
        trainZoo(zoo, train, dev, settings, Optional.empty(), directory, log, trained);
    }

    /**
     * {@link #trainZoo(List, TrainingFeatures, List, Settings, Path, PrintStream, TrainedModels)}, each model, once
     * trained, mined for hard negatives and trained on by {@code mining}'s rounds and then fine-tuned by its stream
     * loss, when present ({@link ZooStreamTraining}): round {@code r} listens in {@value #MINING}, keeps its windows
     * there and trains in {@code round-r} of the model's run directory, the stream loss in {@value #STREAM_LOSS}, so
     * a killed run goes on from the round or epoch it was in.
     */
    public static void trainZoo(List<Student> zoo, TrainingFeatures train, List<Example> dev, Settings settings,
                                Optional<ZooStreamTraining> mining, Path directory, PrintStream log, TrainedModels trained)
            throws IOException {
        Map<String, TrainedCrnn> models = new LinkedHashMap<>();
        try {
            for (Student student : zoo) {
                boolean branched = settings.branchedConv() && student.teacher().isPresent();
                Path runDir = directory.resolve(student.directoryName() + (branched ? BRANCHED : ""));
                log.printf(Locale.ROOT, "[distill] %s: %d parameters%s -> %s%n", student.name(),
                        student.config().parameterCount(), student.teacher().map(t -> ", taught by " + t).orElse(""),
                        runDir);
                long start = System.nanoTime();
                TrainedCrnn model = train(student, models, train, dev,
                        TrainStage.options(settings.epochs(), settings.seed(), runDir, log), settings.distillation(),
                        branched);
                models.put(student.name(), model);
                if (mining.isPresent()) {
                    model = mine(student, model, models, dev, settings, mining.get(), runDir, log);
                    if (mining.get().recipe().streamLoss() != null) {
                        model = streamLoss(student, model, settings, mining.get(), runDir, log);
                    }
                    models.put(student.name(), model);
                }
                // A branched model is saved folded: the plain network, which every later stage loads.
                if (branched) {
                    CrnnModelStore.save(model.weights(), FrontendConfig.FEATURE_QUANT, runDir.resolve("model"));
                } else {
                    CrnnModelStore.save(model.model(), FrontendConfig.FEATURE_QUANT, runDir.resolve("model"));
                }
                log.printf(Locale.ROOT, "[distill] %s: best epoch %d, %.2f s per epoch, %.1f s this run%n",
                        student.name(), model.result().bestEpoch(), model.result().secondsPerEpoch(),
                        (System.nanoTime() - start) / 1e9);
                trained.accept(student, model, runDir);
            }
        } finally {
            models.values().forEach(TrainedCrnn::close);
        }
    }

    /**
     * The mining rounds of {@code model} (trained in place, the same model with the last round's result): the
     * teacher on the labels, a student against its teacher as it came out of its own rounds.
     */
    private static TrainedCrnn mine(Student student, TrainedCrnn model, Map<String, TrainedCrnn> trained,
                                    List<Example> dev, Settings settings, ZooStreamTraining mining, Path runDir,
                                    PrintStream log) throws IOException {
        StreamTrainingRecipe recipe = mining.recipe();
        List<ClipFile> words = mining.words();
        List<Clip> negatives = new ArrayList<>();
        TrainingResult result = model.result();
        for (int round = 1; round <= recipe.miningRounds(); round++) {
            negatives.addAll(HardNegativeMining.round(mining.material(), model.weights(), recipe, round,
                    settings.seed(), runDir.resolve(MINING), log));
            TrainingFeatures features = mining.data().trainingFeatures(words, negatives,
                    AugmentationConfig.defaults(), settings.seed());
            TrainingOptions options = recipe.roundOptions(settings.seed(), runDir.resolve("round-" + round), log);
            result = student.teacher().isEmpty()
                    ? CrnnTrainer.train(model.model(), features, dev, FrontendConfig.FEATURE_QUANT, options)
                    : Distiller.distillOnto(trained.get(student.teacher().get()).model(), model.model(), features,
                            dev, FrontendConfig.FEATURE_QUANT, options, settings.distillation());
            log.printf(Locale.ROOT, "[distill] %s: mining round %d, %d negatives mined so far, kept epoch %d of %d%n",
                    student.name(), round, negatives.size(), result.bestEpoch(), result.history().size());
        }
        return new TrainedCrnn(model.model(), result);
    }

    /**
     * The stream loss's fine-tuning of {@code model} after its rounds (written into it in place), checkpointed in
     * {@value #STREAM_LOSS} of its run directory so that a killed run goes on from its last epoch; a student learns
     * from the steps' labels there, as the teacher does, not from its teacher.
     */
    private static TrainedCrnn streamLoss(Student student, TrainedCrnn model, Settings settings,
                                          ZooStreamTraining streaming, Path runDir, PrintStream log)
            throws IOException {
        StreamFineTuner.Tuned tuned = StreamSequenceTuning.tune(model.weights(), streaming.sequences(),
                streaming.recipe().streamLossOptions(settings.seed()).withRunDirectory(runDir.resolve(STREAM_LOSS))
                        .withProgress(log), log);
        log.printf(Locale.ROOT, "[distill] %s: stream loss, kept epoch %d of %d%n", student.name(),
                tuned.result().bestEpoch(), tuned.result().history().size());
        return model.withWeights(tuned.weights(), tuned.result());
    }

    private static TrainedCrnn train(Student student, Map<String, TrainedCrnn> trained, TrainingFeatures train,
                                     List<Example> dev, TrainingOptions options, DistillationOptions distillation,
                                     boolean branched) {
        if (student.teacher().isEmpty()) {
            return CrnnTrainer.trainNew(student.config(), train, dev, FrontendConfig.FEATURE_QUANT, options);
        }
        return Distiller.distill(trained.get(student.teacher().get()).model(), student.config(), train, dev,
                FrontendConfig.FEATURE_QUANT, options, distillation, branched);
    }

    /**
     * A model's table row and the test scores behind it, for paired comparisons on the same clips.
     *
     * @param int8Scores empty while the integer network cannot run the model
     */
    public record Evaluated(DistillationRow row, Scores floatScores, Optional<Scores> int8Scores) {
    }

    /**
     * Float metrics on {@code test}; then int8 ones, unless the integer network cannot run the model yet
     * ("pending"), with the model quantized by {@link #quantize} into {@code runDir}.
     *
     * @param program the command the model file records as its maker, e.g. "hark prune"
     */
    public static Evaluated evaluate(Student student, CrnnWeights weights, String keyword, FeatureSet train,
                                     List<LabelledFeatures> test, Path runDir, String program, PrintStream log)
            throws IOException {
        return evaluate(student, weights, keyword, train, test, runDir, program, CalibrationPolicy.DEFAULT_ROUNDING,
                log);
    }

    /** {@link #evaluate(Student, CrnnWeights, String, FeatureSet, List, Path, String, PrintStream)}, quantized for
     * {@code rounding}. */
    public static Evaluated evaluate(Student student, CrnnWeights weights, String keyword, FeatureSet train,
                                     List<LabelledFeatures> test, Path runDir, String program, Rounding rounding,
                                     PrintStream log) throws IOException {
        Scores floatScores = ClipScores.of(ModelScorers.floatScorer(weights), test);
        ClipMetrics floatMetrics = ClipMetrics.of(floatScores);
        Optional<QuantizedModel> int8 = quantize(student, weights, keyword, train, runDir, program, rounding, log);
        if (int8.isEmpty()) {
            return new Evaluated(new DistillationRow(student, ModelFigures.of(weights.config()), floatMetrics,
                    Optional.empty()), floatScores, Optional.empty());
        }
        Scores int8Scores = ClipScores.of(ModelScorers.int8Scorer(int8.get()), test);
        return new Evaluated(new DistillationRow(student, ModelFigures.of(weights.config(), int8.get()), floatMetrics,
                Optional.of(ClipMetrics.of(int8Scores))), floatScores, Optional.of(int8Scores));
    }

    /**
     * The model quantized under the pipeline's {@link CalibrationPolicy}, calibrated on {@code calibration} and
     * written to {@code runDir/model.hark}; empty (and said on {@code log}) when the integer network cannot run the
     * model yet.
     *
     * @param program the command the model file records as its maker
     */
    public static Optional<QuantizedModel> quantize(Student student, CrnnWeights weights, String keyword,
                                                    FeatureSet calibration, Path runDir, String program,
                                                    PrintStream log) throws IOException {
        return quantize(student, weights, keyword, calibration, runDir, program, CalibrationPolicy.DEFAULT_ROUNDING,
                log);
    }

    /**
     * {@link #quantize(Student, CrnnWeights, String, FeatureSet, Path, String, PrintStream)} for {@code rounding}:
     * {@code runDir/model.hark} is written again on every call, so it always holds the rounding last asked for.
     */
    public static Optional<QuantizedModel> quantize(Student student, CrnnWeights weights, String keyword,
                                                    FeatureSet calibration, Path runDir, String program,
                                                    Rounding rounding, PrintStream log) throws IOException {
        QuantizedModel int8;
        try {
            int8 = CalibrationPolicy.quantize(weights, ModelDescription.trainedOn(ModelDescription.named("crnn-"
                    + keyword + "-" + student.name(), weights.config(), keyword, program), calibration),
                    calibration, CalibrationPolicy.DEFAULT_PLAN, rounding);
        } catch (RuntimeException e) { // e.g. a layer the integer network does not support yet
            log.println("[distill] " + student.name() + ": int8 pending: " + e.getMessage());
            return Optional.empty();
        }
        ModelFile.write(int8, runDir.resolve("model.hark"));
        return Optional.of(int8);
    }
}
