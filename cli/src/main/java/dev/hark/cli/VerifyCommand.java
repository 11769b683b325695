package dev.hark.cli;

import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.verify.VerifyStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark verify}: generates and builds the firmware for a model, runs a split's clips through it on each
 * target and compares every layer with the simulator. Exit code 3 when any byte differs.
 */
@Command(name = "verify",
        description = "Build the firmware for a model, run clips on the host and under QEMU, and compare every "
                + "layer's output with the simulator byte for byte (exit code 3 on any difference).")
final class VerifyCommand extends PipelineCommand {
    @Option(names = {"-m", "--model"}, description = "Quantized model file (default: <work>/model.hark).")
    Path model;

    @Option(names = "--split", defaultValue = "TEST", description = "Clips to run: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    Split split;

    @Mixin
    TargetsOption targets;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = pipeline.workspace();
        QuantizedModel quantized = ModelFile.read(model != null ? model : workspace.model());
        Map<Split, FeatureSet> features = pipeline.features(System.err);
        FirmwareStage.Built built = FirmwareStage.run(quantized, workspace, targets.targets, System.err);
        Map<Target, TraceComparison.Result> results = VerifyStage.run(quantized, built.builds(),
                features.get(split).items(), workspace.firmware(), System.err);
        boolean identical = true;
        for (Map.Entry<Target, TraceComparison.Result> e : results.entrySet()) {
            out().println(e.getKey().makeName() + ": " + e.getValue().summary());
            identical &= e.getValue().identical();
        }
        return (identical ? ExitCode.OK : ExitCode.MISMATCH).code();
    }
}
