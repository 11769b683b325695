package dev.hark.pipeline.prune;

import dev.hark.pipeline.distill.DistillStage;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pruning: the source model (the workspace's teacher or a distilled student's saved model) pruned by each amount
 * ({@link Pruner}), fine-tuned, quantized under the pipeline's calibration policy and scored float and int8 on the
 * test split, next to the unpruned source scored the same way. Writes the {@link PruningTable}: the distillation
 * table's columns (sizes, MACs, au_fa_fr with 95% intervals, ratios to the source) and each pruned network
 * against the source's on the same clips (paired bootstrap).
 *
 * <p>Every pruned model fine-tunes in its own run directory under {@link Workspace#pruning()} with a checkpoint per
 * epoch, so running the stage again reuses finished models and continues a killed one where it stopped.
 */
public final class PruneStage {
    /**
     * @param keyword       the keyword, for the model files' descriptions
     * @param sourceName    how the table and the run directories call the source, e.g. {@code teacher}
     * @param recipe        the amounts, criterion, loss and fine-tuning
     * @param seed          fine-tuning seed
     * @param resamples     paired-bootstrap resamples
     * @param bootstrapSeed the bootstrap's seed
     */
    public record Settings(String keyword, String sourceName, PruningRecipe recipe, long seed, int resamples,
                           long bootstrapSeed) {
    }

    /** What the pruned models' files record as their maker. */
    private static final String PROGRAM = "hark prune";

    private PruneStage() {
    }

    /**
     * @param sourceModel a saved float model ({@link CrnnModelStore})
     * @param train       the training clips as the trainer sees them
     * @param features    the cached features: calibration from the training split, the kept epoch chosen on dev,
     *                    the table measured on test
     */
    public static PruningTable run(Path sourceModel, TrainingFeatures train, Map<Split, FeatureSet> features,
                                   Settings settings, Workspace workspace, PrintStream log) throws IOException {
        FeatureSet calibration = features.get(Split.TRAIN);
        List<LabelledFeatures> test = features.get(Split.TEST).items();
        List<DistillStage.Evaluated> evaluated = new ArrayList<>();
        try (SavedCrnn source = CrnnModelStore.load(sourceModel)) {
            CrnnWeights sourceWeights = source.weights();
            Student sourceRow = new Student(settings.sourceName(), sourceWeights.config(), Optional.empty());
            log.printf(Locale.ROOT, "[prune] %s: %d parameters, from %s%n", settings.sourceName(),
                    sourceWeights.config().parameterCount(), sourceModel);
            evaluated.add(DistillStage.evaluate(sourceRow, sourceWeights, settings.keyword(), calibration, test,
                    workspace.pruning().resolve(settings.sourceName()), PROGRAM, log));
            for (PruningAmount amount : settings.recipe().amounts()) {
                String name = settings.recipe().prunedName(settings.sourceName(), amount);
                Path runDir = workspace.pruning().resolve(name);
                long start = System.nanoTime();
                try (TrainedCrnn pruned = settings.recipe().pruneAndFineTune(source, amount, train,
                        features.get(Split.DEV).examples(), settings.seed(), runDir, log)) {
                    log.printf(Locale.ROOT, "[prune] %s: %d parameters (%d conv channels, %d GRU units), best epoch"
                                    + " %d, %.1f s this run -> %s%n", name, pruned.config().parameterCount(),
                            pruned.config().convChannels(), pruned.config().gruHidden(),
                            pruned.result().bestEpoch(), (System.nanoTime() - start) / 1e9, runDir);
                    CrnnModelStore.save(pruned.model(), FrontendConfig.FEATURE_QUANT, runDir.resolve("model"));
                    evaluated.add(DistillStage.evaluate(new Student(name, pruned.config(),
                                    Optional.of(settings.sourceName())), pruned.weights(), settings.keyword(),
                            calibration, test, runDir, PROGRAM, log));
                }
            }
        }
        PruningTable table = PruningTable.of(evaluated, settings.resamples(), settings.bootstrapSeed());
        AtomicFiles.writeString(workspace.pruningTable(), table.markdown());
        AtomicFiles.writeString(workspace.pruningCsv(), table.distillationTable().csv());
        return table;
    }
}
