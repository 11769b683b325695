package dev.hark.pipeline.prune;

import dev.hark.pipeline.distill.DistillStage;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.prune.Pruner;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import dev.hark.trainer.prune.PruningOptions;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
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
     * @param amounts       one pruned model per amount
     * @param criterion     what ranks channels and units
     * @param distillation  empty: fine-tune on the labels; present: the unpruned source teaches
     * @param epochs        fine-tuning epochs of each pruned model
     * @param learningRate  Adam's initial learning rate for fine-tuning (cosine-decayed)
     * @param seed          fine-tuning seed
     * @param resamples     paired-bootstrap resamples
     * @param bootstrapSeed the bootstrap's seed
     */
    public record Settings(String keyword, String sourceName, List<PruningAmount> amounts,
                           PruningCriterion criterion, Optional<DistillationOptions> distillation, int epochs,
                           float learningRate, long seed, int resamples, long bootstrapSeed) {
        public Settings {
            amounts = List.copyOf(amounts);
            if (amounts.isEmpty()) {
                throw new IllegalArgumentException("pruning: at least one amount to prune is required");
            }
        }

        /** A pruned model's name: the source's, the percentages removed, the criterion and the loss. */
        String prunedName(PruningAmount amount) {
            return String.format(Locale.ROOT, "%s-c%d-u%d%s%s", sourceName, Math.round(amount.convChannels() * 100),
                    Math.round(amount.gruUnits() * 100), criterion == PruningCriterion.ACTIVATION_L1 ? "-act" : "",
                    distillation.isPresent() ? "-kd" : "");
        }
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
            for (PruningAmount amount : settings.amounts()) {
                String name = settings.prunedName(amount);
                Path runDir = workspace.pruning().resolve(name);
                long start = System.nanoTime();
                try (TrainedCrnn pruned = Pruner.pruneAndFineTune(source.model(),
                        PruningOptions.of(amount, settings.criterion()), train, features.get(Split.DEV).examples(),
                        FrontendConfig.FEATURE_QUANT, options(settings, runDir, log), settings.distillation())) {
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

    private static TrainingOptions options(Settings settings, Path runDir, PrintStream log) {
        return TrainingOptions.builder().optEpochs(settings.epochs()).optLearningRate(settings.learningRate())
                .optSeed(settings.seed()).optRunDirectory(runDir).optProgress(log).build();
    }
}
