package dev.hark.cli;

import dev.hark.pipeline.crossval.CrossValidationStage;
import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark crossval}: the teacher and chosen students of the student zoo, cross-validated by speaker over the
 * whole corpus with several training seeds, and compared on the same clips ({@link CrossValidationStage}).
 */
@Command(name = "crossval",
        description = "Cross-validate the teacher and chosen students by speaker (every clip tested once per seed), "
                + "with several training seeds, float and int8, and compare them on the same clips: au_fa_fr with "
                + "paired-bootstrap intervals, verdicts against the teacher and int8 against float, McNemar at 0.5. "
                + "Progress on stderr; a killed run resumes.")
final class CrossvalCommand extends PipelineCommand {
    @Mixin
    FloatTrainingOptions training;

    @Mixin
    DistillationLossOptions loss;

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

    @Option(names = "--resamples", defaultValue = "2000", description = "Paired-bootstrap resamples "
            + "(default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--bootstrap-seed", defaultValue = "1", description = "Seed of the paired bootstrap "
            + "(default: ${DEFAULT-VALUE}).")
    long bootstrapSeed;

    @Override
    Integer runLocked() throws Exception {
        training.check();
        if (folds < 2) {
            throw new HarkException(ExitCode.BAD_INPUT, "--folds must be at least 2, got " + folds);
        }
        if (resamples < 1) {
            throw new HarkException(ExitCode.BAD_INPUT, "--resamples must be at least 1, got " + resamples);
        }
        if (!(devShare > 0 && devShare < 1)) {
            throw new HarkException(ExitCode.BAD_INPUT, "--dev-share must be between 0 and 1, got " + devShare);
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new HarkException(ExitCode.BAD_INPUT, "--seeds repeats a seed: " + seeds);
        }
        List<Student> zoo;
        try {
            zoo = StudentZoo.select(StudentZoo.standard(), students == null ? List.of() : students);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--students: " + e.getMessage());
        }
        CrossValidationStage.Settings settings = new CrossValidationStage.Settings(pipeline.keyword(), folds, foldSeed,
                seeds, training.epochs, training.augment, loss.options(), devShare, resamples, bootstrapSeed);
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        CrossValidationStage.Result result = CrossValidationStage.run(data, features, zoo, settings,
                pipeline.workspace().crossValidation(), System.err);
        out().print(result.table().markdown());
        out().println("written: " + result.written().stream().map(Path::toString).collect(Collectors.joining(", ")));
        return ExitCode.OK.code();
    }
}
