package dev.hark.pipeline.prune;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.model.SavedCrnn;
import dev.hark.trainer.prune.Pruner;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import dev.hark.trainer.prune.PruningOptions;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a trained model is pruned and fine-tuned, the same for {@code hark prune} ({@link PruneStage}) and for the
 * pruned rows of {@code hark crossval}: which amounts, ranked how, fine-tuned on what loss, for how long.
 *
 * @param amounts      one pruned model per amount
 * @param criterion    what ranks channels and units
 * @param distillation empty: fine-tune on the labels; present: the unpruned source teaches
 * @param epochs       fine-tuning epochs of each pruned model
 * @param learningRate Adam's initial learning rate for fine-tuning (cosine-decayed)
 */
public record PruningRecipe(List<PruningAmount> amounts, PruningCriterion criterion,
                            Optional<DistillationOptions> distillation, int epochs, float learningRate) {
    /** @throws IllegalArgumentException when there is nothing to prune or no epoch to fine-tune */
    public PruningRecipe {
        amounts = List.copyOf(amounts);
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("pruning: at least one amount to prune is required");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("pruning: fine-tuning needs at least 1 epoch, got " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("pruning: the learning rate must be positive, got " + learningRate);
        }
    }

    /** A pruned model's name: the source's, the percentages removed, the criterion and the loss. */
    public String prunedName(String sourceName, PruningAmount amount) {
        return prunedName(sourceName, amount, criterion, distillation.isPresent());
    }

    /** The same name from its parts, for a settings file that records them rather than a recipe. */
    public static String prunedName(String sourceName, PruningAmount amount, PruningCriterion criterion,
                                    boolean distilled) {
        return String.format(Locale.ROOT, "%s-c%d-u%d%s%s", sourceName, Math.round(amount.convChannels() * 100),
                Math.round(amount.gruUnits() * 100), criterion == PruningCriterion.ACTIVATION_L1 ? "-act" : "",
                distilled ? "-kd" : "");
    }

    /**
     * {@code source} pruned by {@code amount} and fine-tuned in {@code runDir} (a checkpoint per epoch, so a killed
     * run continues where it stopped).
     *
     * @param dev the clips the kept epoch is chosen on
     */
    public TrainedCrnn pruneAndFineTune(SavedCrnn source, PruningAmount amount, TrainingFeatures train, List<Example> dev,
                                        long seed, Path runDir, PrintStream log) {
        return pruneAndFineTune(source, source, amount, train, dev, seed, runDir, log);
    }

    /**
     * The same, with {@code teacher} teaching the pruned network when the recipe distils.
     *
     * @param teacher the source itself, or the model that taught it
     */
    public TrainedCrnn pruneAndFineTune(SavedCrnn source, SavedCrnn teacher, PruningAmount amount,
                                        TrainingFeatures train, List<Example> dev, long seed, Path runDir,
                                        PrintStream log) {
        TrainingOptions options = TrainingOptions.builder().optEpochs(epochs).optLearningRate(learningRate)
                .optSeed(seed).optRunDirectory(runDir).optProgress(log).build();
        return Pruner.pruneAndFineTune(source.model(), teacher.model(), PruningOptions.of(amount, criterion), train,
                dev, FrontendConfig.FEATURE_QUANT, options, distillation);
    }

    /** Everything the pruned models depend on, one line, for a settings file that refuses other settings. */
    public String fingerprint() {
        return "amounts=" + amounts.stream().map(PruningRecipe::amountText).collect(Collectors.joining(",")) + " "
                + fineTuning();
    }

    /** What every amount's pruned model depends on beside its amount and its source: ranking and fine-tuning. */
    public String fineTuning() {
        return String.format(Locale.ROOT, "criterion=%s distillation=%s epochs=%d learningRate=%s", criterion,
                distillation.map(d -> d.temperature() + "/" + d.alpha() + "/" + d.beta()).orElse("none"), epochs,
                learningRate);
    }

    /** An amount as the settings files write it: {@code channels:units}. */
    public static String amountText(PruningAmount amount) {
        return amount.convChannels() + ":" + amount.gruUnits();
    }
}
