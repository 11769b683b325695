package dev.hark.cli;

import dev.hark.pipeline.data.DataStage;
import dev.hark.pipeline.demo.DemoReport;
import dev.hark.pipeline.data.FeatureStage;
import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.quantize.QuantizeStage;
import dev.hark.pipeline.report.ReportStage;
import dev.hark.pipeline.scoring.FloatAndInt8Scores;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.verify.VerifyStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.Int8Evaluation;
import dev.hark.trainer.train.TrainingOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hark demo}: the whole path on one data set, ending with a report. Every stage keeps its output in the
 * workspace and is skipped when rerun, so a killed demo resumes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole path: data -> features -> float CRNN -> int8 -> C -> firmware, verified bit "
                + "for bit against the simulator on the host and under QEMU, then print a report.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--epochs", defaultValue = "20", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--targets", split = ",", defaultValue = "HOST,MPS2_AN386",
            description = "Where to verify the firmware: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<Target> targets;

    @Override
    public Integer call() throws Exception {
        PrintStream log = System.err;
        Workspace workspace = pipeline.workspace();
        String keyword = pipeline.keyword;
        DemoReport report = new DemoReport();
        long t0 = System.nanoTime();

        Path dataRoot = DataStage.resolve(pipeline.data, workspace, keyword, pipeline.seed, log);
        BenchmarkData dataset = DataStage.load(dataRoot, keyword, pipeline.data == null);
        long t1 = System.nanoTime();
        report.stage("data", seconds(t0, t1));

        Map<Split, FeatureSet> features = FeatureStage.run(dataset, workspace, log);
        report.data(pipeline.data == null ? "synthetic '" + keyword + "' corpus" : dataRoot.toString(), features);
        long t2 = System.nanoTime();
        report.stage("features", seconds(t1, t2));

        TrainingOptions options = TrainingOptions.builder().optEpochs(epochs).optSeed(pipeline.seed)
                .optRunDirectory(workspace.trainingRun()).optProgress(log).build();
        TrainStage.Trained trained = TrainStage.run(
                augmentation.trainingFeatures(dataset, features.get(Split.TRAIN), pipeline.seed),
                features.get(Split.DEV), CrnnConfig.defaults(), options, workspace.floatModel(),
                workspace.trainingHistory(), log);
        long t3 = System.nanoTime();
        report.stage("training", seconds(t2, t3));

        QuantizedModel model = QuantizeStage.run(trained.weights(), features.get(Split.TRAIN), keyword, producer(),
                workspace.model(), log);
        Int8Evaluation.Result accuracy = FloatAndInt8Scores.of(trained.weights(), model,
                features.get(Split.TEST).items()).comparison();
        report.model(model.parameterCount(), (int) Files.size(workspace.model()), trained.result()
                .map(r -> String.format(Locale.ROOT, "trained %d epochs, best epoch %d (%.2f s per epoch)",
                        r.history().size(), r.best().epoch(), r.secondsPerEpoch()))
                .orElse("float model reused from the workspace"));
        report.accuracy(accuracy);
        long t4 = System.nanoTime();
        report.stage("quantization", seconds(t3, t4));

        FirmwareStage.Built built = FirmwareStage.run(model, workspace, targets, log);
        long t5 = System.nanoTime();
        report.stage("codegen+build", seconds(t4, t5));

        Map<Target, TraceComparison.Result> verified = VerifyStage.run(model, built.builds(),
                features.get(Split.TEST).items(), workspace.firmware(), log);
        verified.forEach(report::verification);
        report.firmware(built.builds().containsKey(Target.MPS2_AN386)
                ? built.builds().get(Target.MPS2_AN386).size() : java.util.Optional.empty(),
                built.generation().arenaBytes());
        long t6 = System.nanoTime();
        report.stage("verification", seconds(t5, t6));

        report.evaluation(ReportStage.run("hark demo: keyword '" + keyword + "'", dataset, features.get(Split.TEST),
                trained.weights(), model, workspace.trainingHistory(), 1.0, pipeline.seed,
                workspace.reportDirectory(), log));
        report.stage("report", seconds(t6, System.nanoTime()));

        String text = report.render();
        AtomicFiles.writeString(workspace.report(), text);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        boolean identical = verified.values().stream().allMatch(TraceComparison.Result::identical);
        return identical ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private String producer() {
        String[] version = spec.root().versionProvider() == null ? new String[] {"hark"} : versionOf();
        return version[0];
    }

    private String[] versionOf() {
        try {
            return spec.root().versionProvider().getVersion();
        } catch (Exception e) {
            return new String[] {"hark"};
        }
    }
}
