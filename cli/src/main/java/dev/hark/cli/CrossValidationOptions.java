package dev.hark.cli;

import dev.hark.pipeline.crossval.CrossValidationStage;
import dev.hark.pipeline.crossval.PruningPlan;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.trainer.distill.DistillationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code hark crossval} deals the folds, which models it trains with which seeds, and how it compares them; the
 * rules of the values are {@link CrossValidationStage.Settings}'s.
 */
final class CrossValidationOptions {
    @Option(names = "--folds", defaultValue = "5", description = "Folds by speaker (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--fold-seed", defaultValue = "1", description = "Seed that deals the speakers into folds and "
            + "picks each fold's dev speakers (default: ${DEFAULT-VALUE}).")
    long foldSeed;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Training seeds, comma-separated; "
            + "each trains every model of every fold (default: ${DEFAULT-VALUE}). --seed is the corpus's.")
    List<Long> seeds;

    @Mixin
    StudentsOption students = new StudentsOption();

    @Option(names = "--dev-share", defaultValue = "0.1", description = "Share of the training folds' speakers that "
            + "choose each model's kept epoch (default: ${DEFAULT-VALUE}).")
    double devShare;

    @Option(names = "--branched-conv", description = "Also train each student with its convolution RepVGG style "
            + "(parallel branches folded into one plain convolution before quantization, as hark distill "
            + "--branched-conv does): a row each, named <student>-branched.")
    boolean branchedConv;

    @Option(names = "--mining-rounds", description = "Rounds of hard-negative mining for every model of every fold,"
            + " as hark distill --mining-rounds mines, on streams of the fold's training speakers (their word clips"
            + " and the training portion of the background recordings): a cross-validated answer to whether mining"
            + " helps (default: ${DEFAULT-VALUE}; compare with a run without it in another workspace).")
    int miningRounds = 0;

    @Mixin
    MiningOptions mining = new MiningOptions();

    @Mixin
    StreamLossOptions streamLoss = new StreamLossOptions(false);

    @Option(names = "--prune", split = ",", paramLabel = "[<model>=]<fraction>", description = "Also the fold's "
            + "teacher pruned by each amount, comma-separated, and fine-tuned on the fold's training clips, a row each "
            + "(as hark prune --fraction): " + PruningArguments.AMOUNTS_HELP + ". <model>=<fraction> prunes another"
            + " row of the fold instead: a student (pruning after distillation) or an earlier pruned row (pruning in"
            + " steps, e.g. 0.5,teacher-c50-u50=0.5:0.75). Default: no pruning.")
    List<String> prune;

    @Option(names = "--prune-criterion", defaultValue = "weight", description = "What ranks channels and units for "
            + "--prune: " + PruningArguments.CRITERION_HELP + " (default: ${DEFAULT-VALUE}).")
    String pruneCriterion;

    @Option(names = "--prune-distill", description = "Fine-tune the pruned models against the outputs of the model "
            + "that taught their source, or of the source if it learnt from the labels (the teacher): the loss of "
            + "--temperature, --alpha, --beta instead of the labels alone; the rows' names end in -kd.")
    boolean pruneDistill;

    @Option(names = "--prune-epochs", description = "Fine-tuning epochs of each pruned model (default: --epochs).")
    Integer pruneEpochs;

    @Option(names = "--prune-lr", defaultValue = "1e-3", description = "Adam's initial learning rate for fine-tuning "
            + "the pruned teachers, cosine-decayed (default: ${DEFAULT-VALUE}).")
    float pruneLearningRate;

    @Mixin
    PairedBootstrapOptions bootstrap;

    /** @throws IllegalArgumentException (bad input) naming the option whose value the stage cannot take */
    CrossValidationStage.Settings settings(String keyword, FloatTrainingOptions training,
                                           DistillationOptions distillation) {
        Optional<PruningPlan> pruning = Optional.empty();
        if (prune != null && !prune.isEmpty()) {
            List<String> sources = new ArrayList<>();
            List<String> amounts = new ArrayList<>();
            for (String entry : prune) {
                int eq = entry.indexOf('=');
                sources.add(eq < 0 ? StudentZoo.standard().get(0).name() : entry.substring(0, eq));
                amounts.add(entry.substring(eq + 1));
            }
            try {
                pruning = Optional.of(new PruningPlan(new PruningRecipe(PruningArguments.amounts(amounts, "--prune"),
                        PruningArguments.criterion(pruneCriterion, "--prune-criterion"),
                        pruneDistill ? Optional.of(distillation) : Optional.empty(),
                        pruneEpochs != null ? pruneEpochs : training.epochs, pruneLearningRate), sources));
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.BAD_INPUT, "--prune: " + e.getMessage());
            }
        } else if (pruneEpochs != null || pruneDistill) {
            throw new HarkException(ExitCode.BAD_INPUT, (pruneDistill ? "--prune-distill" : "--prune-epochs")
                    + " needs --prune");
        }
        CrossValidationStage.Settings settings = new CrossValidationStage.Settings(keyword, folds, foldSeed, seeds,
                training.epochs, training.augment, distillation, devShare, bootstrap.resamples,
                bootstrap.bootstrapSeed, branchedConv, pruning,
                streamLoss.applyTo(mining.recipe(training.augment, miningRounds, 0), training.augment));
        try {
            settings.rows(zoo()); // a source that is no earlier row: refused before the corpus is read
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--prune: " + e.getMessage());
        }
        return settings;
    }

    /** The models --students names, with those that teach them, or the whole zoo. */
    List<Student> zoo() {
        return students.zoo();
    }
}
