package dev.hark.cli;

import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.verify.ListeningVerification;
import dev.hark.pipeline.verify.VerifyStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark verify}: generates and builds the firmware for a model, runs a split's clips through it on each
 * target and compares every layer with the simulator; then streams minutes of the split's audio through the
 * listening firmware and compares every frame, step and detection. Exit code 3 when any byte differs.
 */
@Command(name = "verify",
        description = "Build the firmware for a model (--model, or else <work>/model.hark), run clips on the host and"
                + " under QEMU and compare every layer's output with the simulator byte for byte; then stream minutes"
                + " of audio through the listening firmware and compare every frame, step and detection (exit code 3"
                + " on any difference).")
final class VerifyCommand extends PipelineCommand {
    /** A shared setting ({@link dev.hark.config.Setting#MODEL}); without it, the workspace's model. */
    @Option(names = {"-m", "--model"})
    Path model;

    @Option(names = "--split", defaultValue = "TEST", description = "Clips to run: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--listen-minutes", defaultValue = "10", description = "Minutes of the split's audio to stream "
            + "as PCM through the listening firmware and the simulator, every frame, step and detection compared; "
            + "0 to skip (default: ${DEFAULT-VALUE}).")
    double listenMinutes;

    @Mixin
    TargetsOption targets;

    @Mixin
    CmsisNnOption cmsisNn;

    @Override
    public Integer call() throws Exception {
        KernelLibrary kernels = cmsisNn.kernels(System.getenv(), System.err);
        Workspace workspace = pipeline.workspace();
        QuantizedModel quantized = ModelFile.read(model != null ? model : workspace.model());
        BenchmarkData data = pipeline.data(System.err);
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        FirmwareStage.Built built = FirmwareStage.run(quantized, workspace, targets.targets, kernels,
                System.err);
        Map<Target, TraceComparison.Result> results = VerifyStage.run(quantized, built.builds(),
                features.get(split).items(), workspace.firmware(), System.err);
        boolean identical = true;
        for (Map.Entry<Target, TraceComparison.Result> e : results.entrySet()) {
            out().println(e.getKey().makeName() + " (" + built.builds().get(e.getKey()).kernelsAndRounding() + "): "
                    + e.getValue().summary());
            identical &= e.getValue().identical();
        }
        if (listenMinutes > 0) {
            Map<Target, ListeningVerification.Heard> heard = ListeningVerification.run(quantized,
                    ListeningVerification.audio(data.wordClips(split)), listenMinutes, pipeline.seed(),
                    targets.targets, kernels, workspace.firmware(), System.err);
            for (Map.Entry<Target, ListeningVerification.Heard> e : heard.entrySet()) {
                out().println(e.getKey().makeName() + " listening (" + e.getValue().builtWith() + "): " + e.getValue().summary());
                identical &= e.getValue().comparison().identical();
            }
        }
        return (identical ? ExitCode.OK : ExitCode.MISMATCH).code();
    }
}
