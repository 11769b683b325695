package dev.hark.pipeline.train;

import dev.hark.pipeline.workspace.Workspace;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.Directories;
import dev.hark.trainer.augment.AugmentationConfig;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.PartialKeywords;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.stream.StreamFineTuner;
import dev.hark.trainer.train.CrnnTrainer;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import dev.hark.trainer.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stage 3: train the float CRNN on the int8 features (dequantized) and save it with its training history. A
 * saved model in the workspace is reused when its {@link TrainingFingerprint} matches.
 */
public final class TrainStage {
    /** The trained weights and, when trained in this run, how training went. */
    public record Trained(CrnnWeights weights, Optional<TrainingResult> result, String history) {
    }

    /** A round's training history, in its folder under {@code <work>/train-rounds/}. */
    private static final String ROUND_HISTORY = "training-history.csv";

    private TrainStage() {
    }

    /**
     * What the trainer sees each epoch: with {@code augment}, freshly augmented audio (time shift, noise, gain,
     * speed); else the cached features as they are. Without time shifts the CRNN is not shift-invariant and
     * false-alarms in streaming use, which is why the commands augment by default.
     */
    public static TrainingFeatures trainingFeatures(BenchmarkData data, FeatureSet train, boolean augment, long seed)
            throws IOException {
        return augment ? data.trainingFeatures(AugmentationConfig.defaults(), seed)
                : TrainingFeatures.of(train.examples());
    }

    /** Training options of every model the pipeline trains: a checkpoint per epoch in {@code runDirectory}. */
    public static TrainingOptions options(int epochs, long seed, Path runDirectory, PrintStream log) {
        return TrainingOptions.builder().optEpochs(epochs).optSeed(seed).optRunDirectory(runDirectory)
                .optProgress(log).build();
    }

    /** The baseline CRNN in the workspace's float-model folder, checkpointed in its training-run folder. */
    public static Trained run(TrainingFeatures train, FeatureSet dev, int epochs, long seed, Workspace workspace,
                              PrintStream log) throws IOException {
        return forgetStaleModel(workspace, run(train, dev, CrnnConfig.defaults(),
                options(epochs, seed, workspace.trainingRun(), log), workspace.floatModel(),
                workspace.trainingHistory(), log));
    }

    /**
     * Deletes the workspace's int8 model when {@code trained} was trained in this run: it was quantized from an earlier
     * float model, and the quantize stage would reuse it.
     */
    private static Trained forgetStaleModel(Workspace workspace, Trained trained) throws IOException {
        if (trained.result().isPresent()) {
            Files.deleteIfExists(workspace.model());
        }
        return trained;
    }

    /**
     * The baseline CRNN as {@code hark train} and {@code hark demo} train it: trained for listening by {@code recipe}
     * ({@link StreamTrainingRecipe}) on the augmented TRAIN clips plus its partial-keyword negatives, then, for each
     * mining round, the negatives mined with the model just trained ({@link HardNegativeMining}) added and that model
     * trained on. Rounds before the last keep their models, runs and mined windows in {@code <work>/train-rounds/};
     * the last is the workspace's float model. Each training is checkpointed and each round's windows written once, so
     * a killed run continues where it stopped and ends with the weights an uninterrupted run ends with. Without
     * augmentation there is no recipe (its negatives are audio, augmented as the other clips): the model trains on
     * the cached TRAIN features as they are.
     *
     * @param augment whether training augments its clips; false only with {@link StreamTrainingRecipe#NONE}
     * @param train   the TRAIN split's cached features, which training without augmentation takes
     * @throws WorkspaceConflictException if a saved model was trained with other settings
     * @throws IllegalArgumentException   if a recipe is asked for without augmentation
     */
    public static Trained run(BenchmarkData data, StreamTrainingRecipe recipe, boolean augment, FeatureSet train,
                              FeatureSet dev, int epochs, long seed, Workspace workspace, PrintStream log)
            throws IOException {
        if (!augment && !recipe.isNone()) {
            throw new IllegalArgumentException("training for listening trains on augmented clips; without "
                    + "augmentation there is no recipe");
        }
        if (recipe.isNone()) {
            return run(trainingFeatures(data, train, augment, seed), dev, epochs, seed, workspace, log);
        }
        return run(data, recipe, CrnnConfig.defaults(), dev, epochs, seed, workspace, log);
    }

    /**
     * {@link #run(BenchmarkData, StreamTrainingRecipe, boolean, FeatureSet, FeatureSet, int, long, Workspace,
     * PrintStream)} with augmentation, for any CRNN shape and a recipe that is not {@link StreamTrainingRecipe#NONE}.
     */
    public static Trained run(BenchmarkData data, StreamTrainingRecipe recipe, CrnnConfig config, FeatureSet dev,
                              int epochs, long seed, Workspace workspace, PrintStream log) throws IOException {
        AugmentationConfig augmentation = AugmentationConfig.defaults();
        List<ClipFile> words = data.wordClips(Split.TRAIN);
        List<Clip> negatives = new ArrayList<>(partialKeywords(data, words, recipe.partialKeywords(), seed));
        log.printf(Locale.ROOT, "[train] for listening: %d partial-keyword negatives, %d mining round(s), %s%n",
                negatives.size(), recipe.miningRounds(), recipe.streamLoss() == null ? "no stream loss"
                        : String.format(Locale.ROOT, "then the %s stream loss on %s (%d epochs)",
                        recipe.streamLoss().loss().optionName(), recipe.streamLossSequences().describe(),
                        recipe.streamLoss().epochs()));
        Path rounds = roundsDirectory(workspace);
        Trained trained = null;
        Path previous = null;
        String roundFingerprint = null;
        for (int round = 0; round <= recipe.miningRounds(); round++) {
            if (round > 0) {
                negatives.addAll(HardNegativeMining.round(HardNegativeMining.Material.trainingSplit(data), trained.weights(),
                        recipe, round, seed, rounds, log));
            }
            // With a stream loss to follow, the last round's model is a round's like any other, kept in its folder.
            boolean last = round == recipe.miningRounds() && recipe.streamLoss() == null;
            Path dir = rounds.resolve("round-" + round);
            Path modelDir = last ? workspace.floatModel() : dir.resolve("float-model");
            Path runDir = last ? workspace.trainingRun() : dir.resolve("train-run");
            TrainingOptions options = round == 0 ? options(epochs, seed, runDir, log)
                    : recipe.roundOptions(seed, runDir, log);
            TrainingFeatures train = data.trainingFeatures(words, negatives, augmentation, seed);
            Path historyFile = last ? workspace.trainingHistory() : dir.resolve(ROUND_HISTORY);
            roundFingerprint = TrainingFingerprint.of(train, config, options, recipe.fingerprint(round));
            if (!last) {
                keepAsRound(workspace, roundFingerprint, modelDir, runDir, historyFile, log);
            }
            trained = run(train, dev, config, options, previous, modelDir, historyFile, recipe.fingerprint(round),
                    log);
            previous = modelDir;
        }
        if (recipe.streamLoss() != null) {
            trained = streamLoss(data, recipe, trained, roundFingerprint, seed, rounds.resolve("stream-loss-run"),
                    workspace, log);
        }
        return forgetStaleModel(workspace, trained);
    }

    /**
     * The last round's model fine-tuned by the recipe's stream loss on keyword streams ({@link StreamSequenceTuning}),
     * checkpointed every epoch in {@code runDir}, saved as the workspace's float model; reused when the workspace
     * holds it already.
     *
     * @param startFingerprint the last round's {@link TrainingFingerprint}, which with the stream loss's settings
     *                         decides the result
     * @throws WorkspaceConflictException if the workspace's float model was trained otherwise
     */
    private static Trained streamLoss(BenchmarkData data, StreamTrainingRecipe recipe, Trained start,
                                      String startFingerprint, long seed, Path runDir, Workspace workspace,
                                      PrintStream log) throws IOException {
        Path modelDir = workspace.floatModel();
        String fingerprint = startFingerprint + " then " + recipe.streamLossFingerprint(seed);
        if (Files.isRegularFile(modelDir.resolve(CrnnModelStore.PROPERTIES_FILE))) {
            requireFingerprint(modelDir, fingerprint);
            log.println("[train] reusing the float model in " + modelDir);
            return load(modelDir, workspace.trainingHistory());
        }
        log.printf(Locale.ROOT, "[train] the last round's model fine-tuned on keyword streams by the %s loss%n",
                recipe.streamLoss().loss().optionName());
        StreamFineTuner.Tuned tuned = StreamSequenceTuning.tune(start.weights(),
                StreamSequenceTuning.sources(data, recipe.streamLossSequences(), Optional.empty()),
                recipe.streamLossOptions(seed).withRunDirectory(runDir).withProgress(log), log);
        CrnnModelStore.save(tuned.weights(), FrontendConfig.FEATURE_QUANT, modelDir);
        AtomicFiles.writeString(stamp(modelDir), fingerprint);
        String history = TrainingHistoryFile.csv(tuned.result());
        AtomicFiles.writeString(workspace.trainingHistory(), history);
        log.printf(Locale.ROOT, "[train] stream loss: kept epoch %d of %d%n", tuned.result().bestEpoch(),
                tuned.result().history().size());
        return new Trained(tuned.weights(), Optional.of(tuned.result()), history);
    }

    /** @throws WorkspaceConflictException if the model in {@code modelDir} carries another fingerprint */
    private static void requireFingerprint(Path modelDir, String fingerprint) throws IOException {
        Path stamp = stamp(modelDir);
        if (Files.exists(stamp) && !Files.readString(stamp).equals(fingerprint)) {
            throw new WorkspaceConflictException(modelDir + ": this float model was trained with other settings ("
                    + Files.readString(stamp).strip() + "); delete it or choose another --work");
        }
    }

    /**
     * When the workspace's float model is this round's (the last round of a run asked for fewer rounds), moves it,
     * its training run and history to the round's folder, so that a run asked for more rounds goes on from it rather
     * than training it again. The run's checkpoints go first, so that the next training never resumes from them; the
     * model folder goes before its fingerprint, so that a run stopped between the moves finds the model in the round's
     * folder (reused there) and no model left in the workspace beside a fingerprint (which the last round's training
     * overwrites).
     */
    private static void keepAsRound(Workspace workspace, String fingerprint, Path modelDir, Path runDir,
                                    Path historyFile, PrintStream log) throws IOException {
        Path workspaceModel = workspace.floatModel();
        Path workspaceStamp = stamp(workspaceModel);
        if (Files.isRegularFile(modelDir.resolve(CrnnModelStore.PROPERTIES_FILE))
                || !Files.isRegularFile(workspaceModel.resolve(CrnnModelStore.PROPERTIES_FILE))
                || !Files.isRegularFile(workspaceStamp) || !Files.readString(workspaceStamp).equals(fingerprint)) {
            return;
        }
        log.println("[train] the float model in " + workspaceModel + " is this round's; moving it to " + modelDir);
        Files.createDirectories(modelDir.getParent());
        moveIfThere(workspace.trainingRun(), runDir);
        moveIfThere(workspace.trainingHistory(), historyFile);
        Files.move(workspaceModel, modelDir, StandardCopyOption.ATOMIC_MOVE);
        Files.move(workspaceStamp, stamp(modelDir), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void moveIfThere(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            if (Files.exists(to)) {
                Directories.deleteRecursively(to);
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Where the rounds before the last keep their models, runs, histories and mined windows. */
    private static Path roundsDirectory(Workspace workspace) {
        return workspace.root().resolve("train-rounds");
    }

    /**
     * The training histories of the workspace's float model in the order it was trained: the history of each round
     * before the last ({@code <work>/train-rounds/round-N/}, from round 0 on while there is one), then the
     * workspace's own (the last round's, or the stream loss's fine-tuning's). A model trained on the clips alone has
     * only the workspace's.
     */
    public static List<Path> histories(Workspace workspace) {
        List<Path> files = new ArrayList<>();
        for (int round = 0; ; round++) {
            Path file = roundsDirectory(workspace).resolve("round-" + round).resolve(ROUND_HISTORY);
            if (!Files.isRegularFile(file)) {
                break;
            }
            files.add(file);
        }
        files.add(workspace.trainingHistory());
        return files;
    }

    /** The file beside a model folder that holds its {@link TrainingFingerprint}. */
    private static Path stamp(Path modelDir) {
        return modelDir.resolveSibling(modelDir.getFileName() + ".settings");
    }

    /** {@code perKeyword} partial-keyword negatives per TRAIN keyword clip, spliced with TRAIN words. */
    private static List<Clip> partialKeywords(BenchmarkData data, List<ClipFile> words, int perKeyword, long seed)
            throws IOException {
        if (perKeyword == 0) {
            return List.of();
        }
        List<Clip> keyword = new ArrayList<>();
        List<Clip> other = new ArrayList<>();
        for (ClipFile f : words) {
            (f.word().equals(data.keyword()) ? keyword : other).add(f.load());
        }
        return PartialKeywords.clips(keyword, other, perKeyword, seed);
    }

    /**
     * Trains unless {@code modelDir} already holds a float model. With a run directory in {@code options}, every
     * epoch is checkpointed and a killed run continues from its last checkpoint.
     *
     * @throws WorkspaceConflictException if the saved model was trained with other settings
     */
    public static Trained run(TrainingFeatures train, FeatureSet dev, CrnnConfig config, TrainingOptions options,
                              Path modelDir, Path historyFile, PrintStream log) throws IOException {
        return run(train, dev, config, options, null, modelDir, historyFile, "", log);
    }

    /**
     * @param startFrom a saved model to train on from, or null to start from fresh parameters
     * @param negatives what decides the extra negatives, for the fingerprint ({@link TrainingFingerprint})
     */
    private static Trained run(TrainingFeatures train, FeatureSet dev, CrnnConfig config, TrainingOptions options,
                               Path startFrom, Path modelDir, Path historyFile, String negatives, PrintStream log)
            throws IOException {
        String fingerprint = TrainingFingerprint.of(train, config, options, negatives);
        Path stamp = stamp(modelDir);
        if (Files.isRegularFile(modelDir.resolve(CrnnModelStore.PROPERTIES_FILE))) {
            requireFingerprint(modelDir, fingerprint);
            log.println("[train] reusing the float model in " + modelDir);
            return load(modelDir, historyFile);
        }
        log.printf(Locale.ROOT, "[train] CRNN, %d parameters, %d epochs on %d clips (dev %d)%n",
                config.parameterCount(), options.epochs(), train.size(), dev.size());
        try (TrainedCrnn trained = startFrom == null
                ? CrnnTrainer.trainNew(config, train, dev.examples(), FrontendConfig.FEATURE_QUANT, options)
                : trainOn(startFrom, train, dev, options)) {
            CrnnModelStore.save(trained.model(), FrontendConfig.FEATURE_QUANT, modelDir);
            AtomicFiles.writeString(stamp, fingerprint);
            String history = TrainingHistoryFile.csv(trained.result());
            AtomicFiles.writeString(historyFile, history);
            EpochStats best = trained.result().best();
            log.printf(Locale.ROOT, "[train] best epoch %d: dev accuracy %.4f, dev au_fa_fr %.5f; %.2f s per epoch%n",
                    best.epoch(), best.devAccuracy(), best.devAuFaFr(), trained.result().secondsPerEpoch());
            return new Trained(trained.weights(), Optional.of(trained.result()), history);
        }
    }

    /** The model saved in {@code dir}, trained on (its input standardization kept). */
    private static TrainedCrnn trainOn(Path dir, TrainingFeatures train, FeatureSet dev, TrainingOptions options)
            throws IOException {
        SavedCrnn saved = CrnnModelStore.load(dir);
        try {
            return new TrainedCrnn(saved.model(), CrnnTrainer.train(saved.model(), train, dev.examples(),
                    saved.inputQuant(), options));
        } catch (RuntimeException e) {
            saved.close();
            throw e;
        }
    }

    /** The float model a previous run saved (checksums verified). */
    public static Trained load(Path modelDir, Path historyFile) throws IOException {
        if (!Files.isRegularFile(modelDir.resolve(CrnnModelStore.PROPERTIES_FILE))) {
            throw new NoSuchFileException(modelDir + ": no trained float model here; run `hark train` first");
        }
        try (SavedCrnn saved = CrnnModelStore.load(modelDir)) {
            return new Trained(saved.weights(), Optional.empty(),
                    Files.exists(historyFile) ? Files.readString(historyFile) : "");
        }
    }
}
