package dev.hark.cli;

import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.report.ReportStage;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.workspace.DetectorFile;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.report.EvaluationReport;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hark report}: the evaluation report of a workspace's float and int8 models, as HTML with charts. */
@Command(name = "report",
        description = "Evaluate the workspace's float and int8 models (clip metrics with 95%% intervals; both "
                + "listening to a long test stream: hits, misses and false alarms at 1 false alarm per hour; "
                + "nine-clip streaming check; training curves) and write an HTML report with PNG charts to "
                + "<work>/report/.")
final class ReportCommand extends PipelineCommand {
    @Mixin
    StreamHoursOption hours;

    @Override
    Integer runLocked() throws Exception {
        Workspace workspace = pipeline.workspace();
        QuantizedModel model = ModelInput.read(workspace.model());
        TrainStage.Trained trained = pipeline.floatModel();
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        EvaluationReport.Result result = ReportStage.run("hark: keyword '" + pipeline.keyword() + "'", data,
                features.get(Split.TEST), trained.weights(), model, TrainStage.histories(workspace), hours.hours(),
                pipeline.seed(), DetectorFile.readOrDefault(workspace.detector()), workspace.reportDirectory(),
                System.err);
        ReportStage.summary(result).forEach(out()::println);
        out().println("report: " + result.page());
        return ExitCode.OK.code();
    }
}
