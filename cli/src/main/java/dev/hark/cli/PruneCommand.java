package dev.hark.cli;

import dev.hark.pipeline.prune.PruneStage;
import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.pipeline.prune.PruningTable;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark prune}: structured pruning of the workspace's teacher or of a distilled student, fine-tuned,
 * quantized and compared with the unpruned model on the test split ({@link PruneStage}). Rerunning reuses
 * finished models; a killed run continues from its last checkpoint.
 */
@Command(name = "prune",
        description = "Remove the least important conv channels and GRU units of a trained model (the teacher, or "
                + "a student with --source), fine-tune each smaller network, quantize it and print params, MACs, "
                + "int8 bytes and test au_fa_fr against the unpruned model, with paired-bootstrap differences. "
                + "Progress on stderr; a killed run resumes.")
final class PruneCommand extends PipelineCommand {
    @Mixin
    FloatTrainingOptions training;

    @Mixin
    DistillationLossOptions loss;

    @Mixin
    PairedBootstrapOptions bootstrap;

    @Option(names = "--fraction", split = ",", defaultValue = "0.3,0.5", description = "Fractions to remove, "
            + "comma-separated, one pruned model each: " + PruningArguments.AMOUNTS_HELP
            + " (default: ${DEFAULT-VALUE}).")
    List<String> fractions;

    @Option(names = "--criterion", defaultValue = "weight", description = "What ranks channels and units: "
            + PruningArguments.CRITERION_HELP + " (default: ${DEFAULT-VALUE}).")
    String criterion;

    @Option(names = "--distill", description = "Fine-tune against the unpruned model's outputs (the distillation "
            + "loss of --temperature, --alpha, --beta) instead of the labels alone.")
    boolean distill;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam's initial learning rate for fine-tuning, "
            + "cosine-decayed (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--source", paramLabel = "<model dir>", description = "The float model to prune, as hark "
            + "saves it (e.g. <work>/distill/c4-h32/model). Default: the workspace's teacher (<work>/float-model).")
    Path source;

    @Override
    Integer runLocked() throws Exception {
        training.check();
        if (!(learningRate > 0) || bootstrap.resamples < 1) {
            throw new HarkException(ExitCode.BAD_INPUT, "--lr must be positive and --resamples at least 1, got "
                    + learningRate + " and " + bootstrap.resamples);
        }
        Optional<DistillationOptions> distillation = distill ? Optional.of(loss.options()) : Optional.empty();
        List<PruningAmount> amounts = PruningArguments.amounts(fractions, "--fraction");
        PruningCriterion ranking = PruningArguments.criterion(criterion, "--criterion");
        Workspace workspace = pipeline.workspace();
        Path model = source != null ? source.toAbsolutePath() : workspace.floatModel();
        if (!Files.isRegularFile(model.resolve(CrnnModelStore.PROPERTIES_FILE))) {
            throw new HarkException(ExitCode.BAD_INPUT, model + ": no saved float model to prune; "
                    + (source != null ? "--source names a model directory (with " + CrnnModelStore.PROPERTIES_FILE
                    + ")" : "run `hark train` first"));
        }
        PruneStage.Settings settings;
        try {
            settings = new PruneStage.Settings(pipeline.keyword(), sourceName(model, workspace),
                    new PruningRecipe(amounts, ranking, distillation, training.epochs, learningRate), pipeline.seed(),
                    bootstrap.resamples, bootstrap.bootstrapSeed);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, e.getMessage());
        }
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        PruningTable table = PruneStage.run(model, training.trainingFeatures(data, features.get(Split.TRAIN),
                pipeline.seed()), features, settings, workspace, System.err);
        out().print(table.markdown());
        out().println("written: " + workspace.pruningTable() + ", " + workspace.pruningCsv());
        return ExitCode.OK.code();
    }

    /** The teacher for the workspace's float model; else the model's folder, or its parent's for a {@code model}. */
    private static String sourceName(Path model, Workspace workspace) {
        if (model.equals(workspace.floatModel())) {
            return "teacher";
        }
        Path named = model.getFileName().toString().equals("model") && model.getParent() != null ? model.getParent()
                : model;
        return named.getFileName().toString();
    }
}
