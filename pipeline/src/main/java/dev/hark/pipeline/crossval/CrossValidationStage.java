package dev.hark.pipeline.crossval;

import dev.hark.pipeline.distill.DistillStage;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.ZooStreamTraining;
import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.pipeline.scoring.ClipScores;
import dev.hark.pipeline.scoring.ModelScorers;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.train.TrainingSpeakers;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.augment.AugmentationConfig;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoiseNegatives;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-validation by speaker of the teacher and chosen students: for every training seed and every fold
 * ({@link SpeakerFolds}, {@link Fold}), the models are trained on the other folds' speakers exactly as
 * {@code hark distill} trains them ({@link DistillStage#trainZoo}), quantized, and the fold's clips scored by the
 * float and the int8 networks. Pooled over the folds, every clip is tested once per seed, and the
 * {@link CrossValidationTable} compares the models on those same clips. If asked, the fold's models also include its
 * students trained with branched convolutions ({@link DistillStage.Settings#branchedConv}) and its teacher, students or
 * pruned rows pruned and fine-tuned ({@link PruningPlan}), each a row of the same table.
 *
 * <p>Everything is kept under one folder: {@code seed-<s>/fold-<f>/<model>/} is a model's run directory (a checkpoint
 * per epoch, so a killed run continues where it stopped) and {@code seed-<s>/fold-<f>/scores.csv} the fold's scores
 * ({@link FoldScores}), written once all its models are done, so a rerun reads it and trains nothing. A
 * {@code crossval.settings} file ({@link SettingsFile}) holds what the scores depend on, a line per model: a rerun
 * asking for new models trains only those and adds their scores to the folds' files, and one asking for a model with
 * other settings is refused rather than mixing runs. The tables are written atomically: {@code crossval-table.md}, {@code .csv}, {@code .json}, and every
 * clip's scores in {@code crossval-scores.csv}.
 */
public final class CrossValidationStage {
    /**
     * @param keyword       the keyword, for the model files' descriptions
     * @param folds         folds by speaker, at least 2
     * @param foldSeed      deals the speakers into folds and carves the dev speakers
     * @param seeds         training seeds, at least one; each trains every model of every fold
     * @param epochs        epochs per model
     * @param augment       augment the training clips on the fly (docs/benchmark.md) rather than train on them as
     *                      they are
     * @param distillation  the distillation loss's temperature and weights
     * @param devShare      the share of the training folds' speakers used as dev
     * @param resamples     bootstrap resamples
     * @param bootstrapSeed the bootstrap's seed
     * @param branchedConv  also train every student with its convolution as RepVGG-style branches, folded into a
     *                      plain one before quantization ({@link DistillStage.Settings#branchedConv}): a row each,
     *                      named with {@value DistillStage#BRANCHED} added
     * @param pruning       present: also each amount's source (the teacher, a student, an earlier pruned row)
     *                      pruned and fine-tuned on the fold's training clips, a row each
     * @param mining        hard-negative mining rounds for every model of the zoo, as {@code hark distill
     *                      --mining-rounds} mines, on streams of the fold's training speakers
     *                      ({@link ZooStreamTraining}); {@link StreamTrainingRecipe#NONE} for none
     */
    public record Settings(String keyword, int folds, long foldSeed, List<Long> seeds, int epochs, boolean augment,
                           DistillationOptions distillation, double devShare, int resamples, long bootstrapSeed,
                           boolean branchedConv, Optional<PruningPlan> pruning, StreamTrainingRecipe mining) {
        /** @throws IllegalArgumentException naming the option ({@code hark crossval}'s) whose value cannot be used */
        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("--folds must be at least 2, got " + folds);
            }
            if (resamples < 1) {
                throw new IllegalArgumentException("--resamples must be at least 1, got " + resamples);
            }
            if (!(devShare > 0 && devShare < 1)) {
                throw new IllegalArgumentException("--dev-share must be between 0 and 1, got " + devShare);
            }
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("--seeds must name at least one seed");
            }
            if (new HashSet<>(seeds).size() != seeds.size()) {
                throw new IllegalArgumentException("--seeds repeats a seed: " + seeds);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            Objects.requireNonNull(pruning, "pruning");
            Objects.requireNonNull(mining, "mining");
            ZooStreamTraining.requireZooRecipe(mining, "a cross-validation");
            String option = mining.miningRounds() > 0 ? "--mining-rounds" : "--stream-loss";
            if (!mining.isNone() && !augment) {
                throw new IllegalArgumentException(option + " needs --augment: the negatives are audio, "
                        + "augmented as the other clips");
            }
            if (!mining.isNone() && (branchedConv || pruning.isPresent())) {
                // Those rows take the zoo's models back from their runs, which hold each model before its rounds.
                throw new IllegalArgumentException(option + " trains the zoo's rows only: leave out "
                        + (branchedConv ? "--branched-conv" : "--prune") + " (a run without it takes it)");
            }
        }

        /** Without mining. */
        public Settings(String keyword, int folds, long foldSeed, List<Long> seeds, int epochs, boolean augment,
                        DistillationOptions distillation, double devShare, int resamples, long bootstrapSeed,
                        boolean branchedConv, Optional<PruningPlan> pruning) {
            this(keyword, folds, foldSeed, seeds, epochs, augment, distillation, devShare, resamples, bootstrapSeed,
                    branchedConv, pruning, StreamTrainingRecipe.NONE);
        }

        /** The zoo's training for streams on the fold's training speakers (its dev speakers choosing), or none. */
        Optional<ZooStreamTraining> mining(BenchmarkData data, Fold fold) {
            return mining.isNone() ? Optional.empty() : Optional.of(new ZooStreamTraining(data, mining,
                    Optional.of(new TrainingSpeakers(fold.trainingSpeakers(), fold.devSpeakers()))));
        }

        /**
         * What the scores depend on ({@link SettingsFile}): everything but the seeds (one folder each) and the
         * bootstrap, each row's own part on its own line.
         */
        SettingsFile settingsFile(List<Student> zoo) {
            String shared = String.format(Locale.ROOT, "keyword=%s%nfolds=%d%nfoldSeed=%d%ndevShare=%s%nepochs=%d%n"
                            + "augment=%s%ntemperature=%s%nalpha=%s%nbeta=%s%n", keyword, folds, foldSeed, devShare,
                    epochs, augment, distillation.temperature(), distillation.alpha(), distillation.beta());
            if (mining.miningRounds() > 0) {
                // Only with mining, so that the workspaces of cross-validations without it keep their settings.
                shared += String.format(Locale.ROOT, "miningRounds=%d%nmining=%s%n", mining.miningRounds(),
                        mining.fingerprint(mining.miningRounds()));
            }
            if (mining.streamLoss() != null) {
                shared += String.format(Locale.ROOT, "streamLoss=%s%n", mining.streamLossSettings());
            }
            Map<String, String> models = new LinkedHashMap<>();
            zoo.forEach(s -> models.put(s.name(), SettingsFile.trained(s.config())));
            if (branchedConv) {
                branchedRows(zoo).forEach(s -> models.put(s.name(), SettingsFile.branched(s.config())));
            }
            pruning.ifPresent(p -> prunedRows(zoo).forEach(r -> models.put(r.row().name(),
                    SettingsFile.pruned(r.amount(), r.source().name(), p.recipe().fineTuning()))));
            return new SettingsFile(shared, models);
        }

        /**
         * Every row of the table, in order: the zoo, then with {@link #branchedConv} each student branched, then
         * with {@link #pruning} each pruned row.
         */
        public List<Student> rows(List<Student> zoo) {
            List<Student> rows = new ArrayList<>(zoo);
            rows.addAll(branchedRows(zoo));
            prunedRows(zoo).forEach(r -> rows.add(r.row()));
            return rows;
        }

        private List<Student> branchedRows(List<Student> zoo) {
            String teacher = zoo.get(0).name();
            return branchedConv ? zoo.stream().filter(s -> s.teacher().isPresent()).map(s -> branched(s, teacher))
                    .toList() : List.of();
        }

        /**
         * @throws IllegalArgumentException naming a source that is no earlier row ({@code hark crossval}'s
         *                                  {@code --prune})
         */
        List<PruningPlan.Row> prunedRows(List<Student> zoo) {
            List<Student> earlier = new ArrayList<>(zoo);
            earlier.addAll(branchedRows(zoo));
            return pruning.map(p -> p.rows(earlier)).orElse(List.of());
        }
    }

    /**
     * The table, the long-stream columns beside it when asked for, and the files they were written to.
     *
     * @param streams present when the stream stage ran ({@link CrossValidationStreams})
     */
    public record Result(CrossValidationTable table, Optional<CrossValidationStreamTable> streams,
                         List<Path> written) {
        public Result(CrossValidationTable table, List<Path> written) {
            this(table, Optional.empty(), written);
        }

        /** The table, then the stream columns when there are any, as Markdown. */
        public String markdown() {
            return table.markdown() + streams.map(s -> "\n" + s.markdown()).orElse("");
        }
    }

    private CrossValidationStage() {
    }

    /**
     * A student's branched row: its name, and its run directory's, with {@value DistillStage#BRANCHED} added; taught
     * by the branched version of its teacher unless that is the zoo's teacher, which always trains plain.
     */
    static Student branched(Student student, String zooTeacher) {
        return new Student(student.name() + DistillStage.BRANCHED, student.config(),
                student.teacher().map(t -> t.equals(zooTeacher) ? t : t + DistillStage.BRANCHED));
    }

    /**
     * @param data      the corpus (its word clips' audio is read again for augmented training)
     * @param features  the corpus's features by split, as the feature stage caches them
     * @param zoo       the teacher first, then the students, each after its teacher
     * @param directory where the folds, seeds and tables are kept
     */
    public static Result run(BenchmarkData data, Map<Split, FeatureSet> features, List<Student> zoo,
                             Settings settings, Path directory, PrintStream log) throws IOException {
        return run(data, features, zoo, settings, Optional.empty(), directory, log);
    }

    /**
     * Like {@link #run(BenchmarkData, Map, List, Settings, Path, PrintStream)}, and with {@code streams} present the
     * long-stream columns heard by every model of every seed ({@link CrossValidationStreams}) written beside the table.
     */
    public static Result run(BenchmarkData data, Map<Split, FeatureSet> features, List<Student> zoo,
                             Settings settings, Optional<CrossValidationStreams.Settings> streams, Path directory,
                             PrintStream log) throws IOException {
        Files.createDirectories(directory);
        SettingsFile.claim(directory.resolve("crossval.settings"), settings.settingsFile(zoo));
        List<Student> rows = settings.rows(zoo);
        List<LabelledFeatures> all = new ArrayList<>();
        features.values().forEach(set -> all.addAll(set.items()));
        List<Fold> folds = Fold.all(features, SpeakerFolds.of(all, settings.folds(), settings.foldSeed()),
                settings.devShare());
        List<String> models = rows.stream().map(Student::name).toList();

        // Pooled: the folds' test clips one after the other, the same order under every seed.
        List<LabelledFeatures> tested = new ArrayList<>();
        folds.forEach(f -> tested.addAll(f.test()));
        requireEachTestedOnce(tested, all, features);

        Map<Long, List<FoldScores>> bySeed = new LinkedHashMap<>();
        int runs = settings.seeds().size() * folds.size();
        int done = 0;
        for (long seed : settings.seeds()) {
            List<FoldScores> scores = new ArrayList<>();
            for (Fold fold : folds) {
                done++;
                Path foldDir = directory.resolve("seed-" + seed).resolve(fold.name());
                log.printf(Locale.ROOT, "[crossval] seed %d, %s (%d of %d): train %d clips (%d keyword), dev %d, "
                                + "test %d (%d keyword)%n", seed, fold.name(), done, runs, fold.train().size(),
                        positives(fold.train()), fold.dev().size(), fold.test().size(), positives(fold.test()));
                scores.add(foldScores(data, fold, zoo, models, settings, seed, foldDir, log));
            }
            bySeed.put(seed, scores);
        }

        boolean[] isKeyword = new boolean[tested.size()];
        for (int i = 0; i < isKeyword.length; i++) {
            isKeyword[i] = tested.get(i).label() == 1;
        }
        List<List<float[]>> floatScores = new ArrayList<>();
        List<List<float[]>> int8Scores = new ArrayList<>();
        for (String model : models) {
            List<float[]> f = new ArrayList<>();
            List<float[]> q = new ArrayList<>();
            for (List<FoldScores> seedScores : bySeed.values()) {
                f.add(pooled(seedScores, model, true));
                q.add(pooled(seedScores, model, false));
            }
            floatScores.add(f);
            int8Scores.add(q);
        }
        List<ModelFigures> figures = new ArrayList<>();
        Path firstFold = directory.resolve("seed-" + settings.seeds().get(0)).resolve(folds.get(0).name());
        for (Student student : rows) {
            QuantizedModel int8 = ModelFile.read(firstFold.resolve(student.directoryName()).resolve("model.hark"));
            figures.add(ModelFigures.of(student.config(), int8));
        }
        int positives = positives(tested);
        CrossValidationTable table = CrossValidationTable.of(new CrossValidationTable.Description(settings.folds(),
                        settings.foldSeed(), settings.seeds(), tested.size(), positives, settings.resamples(),
                        settings.bootstrapSeed()), rows, figures, isKeyword, floatScores, int8Scores);

        Path md = directory.resolve("crossval-table.md");
        Path csv = directory.resolve("crossval-table.csv");
        Path json = directory.resolve("crossval-table.json");
        Path clips = directory.resolve("crossval-scores.csv");
        Optional<CrossValidationStreamTable> heard = Optional.empty();
        if (streams.isPresent()) {
            heard = Optional.of(CrossValidationStreams.run(data, folds, rows, settings.seeds(), streams.get(),
                    directory, log));
        }
        Result result = new Result(table, heard, List.of(md, csv, json, clips));
        AtomicFiles.writeString(clips, pooledCsv(tested, folds, models, bySeed));
        AtomicFiles.writeString(csv, heard.map(h -> h.besideCsv(table.csv())).orElse(table.csv()));
        AtomicFiles.writeString(json, heard.map(h -> h.besideJson(table.json())).orElse(table.json()));
        AtomicFiles.writeString(md, result.markdown());
        return result;
    }

    /**
     * The fold's scores: read back when a previous run scored all these models, else the missing ones trained (or
     * taken back from their finished runs) and scored now; the fold's file keeps every model it held before.
     */
    private static FoldScores foldScores(BenchmarkData data, Fold fold, List<Student> zoo, List<String> models,
                                         Settings settings, long seed, Path foldDir, PrintStream log)
            throws IOException {
        Path file = foldDir.resolve("scores.csv");
        List<String> ids = fold.test().stream().map(LabelledFeatures::id).toList();
        Map<String, FoldScores.ModelScores> scores = new LinkedHashMap<>();
        if (Files.exists(file)) {
            FoldScores kept = FoldScores.read(file);
            if (!kept.clips().equals(ids)) {
                throw new WorkspaceConflictException(file + ": scored on other clips than this fold's; delete it to "
                        + "score the fold again");
            }
            if (kept.scores().keySet().containsAll(models)) {
                log.printf(Locale.ROOT, "[crossval] seed %d, %s: reusing %s%n", seed, fold.name(), file);
                return kept;
            }
            scores.putAll(kept.scores());
            log.printf(Locale.ROOT, "[crossval] seed %d, %s: %s kept from %s; scoring %s%n", seed, fold.name(),
                    String.join(", ", kept.scores().keySet()), file, String.join(", ",
                            models.stream().filter(m -> !kept.scores().containsKey(m)).toList()));
        }
        long start = System.nanoTime();
        TrainingFeatures train = settings.augment()
                ? data.trainingFeatures(data.wordClips(fold.trainingSpeakers()), AugmentationConfig.defaults(), seed)
                : TrainingFeatures.of(new FeatureSet(fold.train()).examples());
        FeatureSet calibration = new FeatureSet(fold.train());
        List<Example> dev = new FeatureSet(fold.dev()).examples();
        if (zoo.stream().anyMatch(s -> !scores.containsKey(s.name()))) {
            DistillStage.trainZoo(zoo, train, dev, new DistillStage.Settings(settings.keyword(), settings.epochs(),
                    seed, settings.distillation()), settings.mining(data, fold), foldDir, log,
                    (student, model, runDir) -> {
                        if (!scores.containsKey(student.name())) {
                            scores.put(student.name(), score(student, model.weights(), fold, calibration, runDir,
                                    settings, log));
                        }
                    });
        }
        String teacher = zoo.get(0).name();
        if (settings.branchedConv() && settings.branchedRows(zoo).stream().anyMatch(s -> !scores.containsKey(s.name()))) {
            // The same zoo again with branched students: the teacher is taken back from its finished run, and each
            // student trains in its own run directory (the name ends in BRANCHED), so nothing plain is overwritten.
            DistillStage.trainZoo(zoo, train, dev, new DistillStage.Settings(settings.keyword(), settings.epochs(),
                    seed, settings.distillation(), true), foldDir, log, (student, model, runDir) -> {
                        Student row = branched(student, teacher);
                        if (student.teacher().isPresent() && !scores.containsKey(row.name())) {
                            scores.put(row.name(), score(row, model.weights(), fold, calibration, runDir, settings,
                                    log));
                        }
                    });
        }
        if (settings.pruning().isPresent()) {
            PruningRecipe recipe = settings.pruning().get().recipe();
            for (PruningPlan.Row pruned : settings.prunedRows(zoo)) {
                Student row = pruned.row();
                if (scores.containsKey(row.name())) {
                    continue;
                }
                Path runDir = foldDir.resolve(row.directoryName());
                log.printf(Locale.ROOT, "[crossval] %s: the fold's %s pruned, fine-tuned%s -> %s%n", row.name(),
                        pruned.source().name(), recipe.distillation().isPresent() ? " against "
                                + row.teacher().orElseThrow() : "", runDir);
                try (SavedCrnn source = savedModel(foldDir, pruned.source());
                     SavedCrnn taughtBy = savedModel(foldDir, settings.rows(zoo).stream()
                             .filter(s -> s.name().equals(row.teacher().orElseThrow())).findFirst().orElseThrow());
                     TrainedCrnn model = recipe.pruneAndFineTune(source, taughtBy, pruned.amount(), train, dev, seed,
                             runDir, log)) {
                    CrnnModelStore.save(model.model(), FrontendConfig.FEATURE_QUANT, runDir.resolve("model"));
                    scores.put(row.name(), score(row, model.weights(), fold, calibration, runDir, settings, log));
                }
            }
        }
        int[] labels = fold.test().stream().mapToInt(LabelledFeatures::label).toArray();
        FoldScores result = new FoldScores(ids, labels, scores);
        AtomicFiles.writeString(file, result.csv(List.copyOf(scores.keySet())));
        log.printf(Locale.ROOT, "[crossval] seed %d, %s: done in %.1f s -> %s%n", seed, fold.name(),
                (System.nanoTime() - start) / 1e9, file);
        return result;
    }

    /** A model of the fold saved by its finished run, which an earlier row of this fold wrote. */
    private static SavedCrnn savedModel(Path foldDir, Student student) throws IOException {
        Path model = foldDir.resolve(student.directoryName()).resolve("model");
        if (!Files.isDirectory(model)) {
            throw new IllegalStateException(model + ": " + student.name() + "'s saved model is missing, so it cannot"
                    + " be pruned or teach; delete " + foldDir.resolve("scores.csv") + " to train the fold's models "
                    + "again");
        }
        return CrnnModelStore.load(model);
    }

    /** The fold's clips scored by the float network and by the int8 one, quantized into {@code runDir}. */
    private static FoldScores.ModelScores score(Student student, CrnnWeights weights, Fold fold,
                                                FeatureSet calibration, Path runDir, Settings settings,
                                                PrintStream log) throws IOException {
        QuantizedModel int8 = DistillStage.quantize(student, weights, settings.keyword(), calibration, runDir,
                "hark crossval", log).orElseThrow(() -> new IllegalStateException(student.name()
                + ": the integer network cannot run this model yet, so it cannot be cross-validated"));
        return new FoldScores.ModelScores(ClipScores.of(ModelScorers.floatScorer(weights), fold.test()).keywordScore(),
                ClipScores.of(ModelScorers.int8Scorer(int8), fold.test()).keywordScore());
    }

    /**
     * The promise of cross-validation, checked rather than assumed: every word clip of the corpus, and every TEST
     * noise negative, is tested by exactly one fold.
     */
    private static void requireEachTestedOnce(List<LabelledFeatures> tested, List<LabelledFeatures> all,
                                              Map<Split, FeatureSet> features) {
        Set<String> seen = new HashSet<>();
        for (LabelledFeatures clip : tested) {
            if (!seen.add(clip.id())) {
                throw new IllegalStateException("clip " + clip.id() + " is tested by two folds");
            }
        }
        Set<String> held = new HashSet<>();
        for (LabelledFeatures clip : all) {
            held.add(clip.id());
        }
        for (Split split : List.of(Split.TRAIN, Split.DEV)) { // their noise negatives train or choose epochs
            features.get(split).items().stream().filter(c -> c.word().equals(NoiseNegatives.WORD))
                    .forEach(c -> held.remove(c.id()));
        }
        if (!held.equals(seen)) {
            throw new IllegalStateException("the folds test " + seen.size() + " clips, the corpus has " + held.size()
                    + " to test");
        }
    }

    private static float[] pooled(List<FoldScores> folds, String model, boolean floatNetwork) {
        int n = folds.stream().mapToInt(f -> f.clips().size()).sum();
        float[] pooled = new float[n];
        int at = 0;
        for (FoldScores f : folds) {
            FoldScores.ModelScores s = f.scores().get(model);
            float[] part = floatNetwork ? s.floatScores() : s.int8Scores();
            System.arraycopy(part, 0, pooled, at, part.length);
            at += part.length;
        }
        return pooled;
    }

    /** Every tested clip with its fold and every seed's scores: what the table was computed from. */
    private static String pooledCsv(List<LabelledFeatures> tested, List<Fold> folds, List<String> models,
                                    Map<Long, List<FoldScores>> bySeed) {
        StringBuilder csv = new StringBuilder("clip,label,fold");
        bySeed.keySet().forEach(seed -> models.forEach(m -> csv.append(",seed ").append(seed).append(' ').append(m)
                .append(" float,seed ").append(seed).append(' ').append(m).append(" int8")));
        csv.append('\n');
        int i = 0;
        for (Fold fold : folds) {
            for (int k = 0; k < fold.test().size(); k++, i++) {
                LabelledFeatures clip = tested.get(i);
                csv.append(clip.id()).append(',').append(clip.label()).append(',').append(fold.index() + 1);
                for (List<FoldScores> seedScores : bySeed.values()) {
                    FoldScores s = seedScores.get(fold.index());
                    for (String m : models) {
                        csv.append(',').append(s.scores().get(m).floatScores()[k]).append(',')
                                .append(s.scores().get(m).int8Scores()[k]);
                    }
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    private static int positives(List<LabelledFeatures> clips) {
        return (int) clips.stream().filter(c -> c.label() == 1).count();
    }

    /** Stamps a new folder with the settings, or refuses one stamped with others. */
    static void claim(Path stamp, String fingerprint) throws IOException {
        if (Files.exists(stamp)) {
            String kept = Files.readString(stamp);
            if (!kept.equals(fingerprint)) {
                throw new WorkspaceConflictException(stamp + ": this cross-validation was run with other settings ("
                        + kept.strip().replace('\n', ' ') + "); delete " + stamp.getParent()
                        + " or choose another --work");
            }
            return;
        }
        AtomicFiles.writeString(stamp, fingerprint);
    }
}
