package dev.hark.cli;

import dev.hark.pipeline.crossval.CrossValidationStage;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.trainer.distill.DistillationOptions;
import java.util.List;
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

    @Option(names = "--students", split = ",", description = "Students of the zoo to cross-validate beside the "
            + "teacher, comma-separated (the models that teach them come too). Default: the whole zoo.")
    List<String> students;

    @Option(names = "--dev-share", defaultValue = "0.1", description = "Share of the training folds' speakers that "
            + "choose each model's kept epoch (default: ${DEFAULT-VALUE}).")
    double devShare;

    @Mixin
    PairedBootstrapOptions bootstrap;

    /** @throws IllegalArgumentException (bad input) naming the option whose value the stage cannot take */
    CrossValidationStage.Settings settings(String keyword, FloatTrainingOptions training,
                                           DistillationOptions distillation) {
        return new CrossValidationStage.Settings(keyword, folds, foldSeed, seeds, training.epochs, training.augment,
                distillation, devShare, bootstrap.resamples, bootstrap.bootstrapSeed);
    }

    /** The models --students names, with those that teach them, or the whole zoo. */
    List<Student> zoo() {
        try {
            return StudentZoo.select(StudentZoo.standard(), students == null ? List.of() : students);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--students: " + e.getMessage());
        }
    }
}
