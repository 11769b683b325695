package dev.hark.cli;

import dev.hark.pipeline.crossval.CrossValidationStage;
import dev.hark.pipeline.crossval.CrossValidationStreams;
import dev.hark.pipeline.distill.Student;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code hark crossval}: the teacher and chosen students of the student zoo, cross-validated by speaker over the
 * whole corpus with several training seeds, and compared on the same clips ({@link CrossValidationStage}).
 */
@Command(name = "crossval",
        description = "Cross-validate the teacher and chosen students by speaker (every clip tested once per seed), "
                + "with several training seeds, float and int8, and compare them on the same clips: au_fa_fr with "
                + "paired-bootstrap intervals, verdicts against the teacher and int8 against float, McNemar at 0.5; "
                + "with --stream-hours also the int8 false-reject rate on long streams of each fold's held-out "
                + "speakers at <= 0.5 and <= 1 FA/h. "
                + "Progress on stderr; a killed run resumes.")
final class CrossvalCommand extends PipelineCommand {
    @Mixin
    FloatTrainingOptions training;

    @Mixin
    DistillationLossOptions loss;

    @Mixin
    CrossValidationOptions crossval;

    @Mixin
    CrossValidationStreamOptions streams;

    @Override
    Integer runLocked() throws Exception {
        training.check();
        CrossValidationStage.Settings settings = crossval.settings(pipeline.keyword(), training, loss.options());
        List<Student> zoo = crossval.zoo();
        Optional<CrossValidationStreams.Settings> streamSettings = streams.settings();
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        CrossValidationStage.Result result = CrossValidationStage.run(data, features, zoo, settings,
                streamSettings, pipeline.workspace().crossValidation(), System.err);
        out().print(result.markdown());
        out().println("written: " + result.written().stream().map(Path::toString).collect(Collectors.joining(", ")));
        return ExitCode.OK.code();
    }
}
