package dev.hark.cli;

import dev.hark.firmware.run.Tools;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.verify.ListeningVerification;
import dev.hark.pipeline.verify.VerifyStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.ClipFolder;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark verify}: generates and builds the firmware for a model, runs clips through it on each target and
 * compares every layer with the simulator, as the Maven plugin's verify goal does. The clips are a folder the user
 * names ({@code --clips}) or a split of the workspace's data set; with the split, minutes of its audio then stream
 * through the listening firmware, every frame, step and detection compared. Exit code 3 when any byte differs. The
 * options but the workspace's are shared settings ({@link dev.hark.config.Setting}).
 */
@Command(name = "verify",
        description = "Build the firmware for a model (--model, or else <work>/model.hark), run clips (--clips, or"
                + " else a split of the workspace's data) on the host and under QEMU and compare every layer's output"
                + " with the simulator byte for byte; with the split, then stream minutes of its audio through the"
                + " listening firmware and compare every frame, step and detection (exit code 3 on any difference).")
final class VerifyCommand extends PipelineCommand {
    /** Without it, the workspace's model. */
    @Option(names = {"-m", "--model"})
    Path model;

    @Option(names = "--clips", paramLabel = "<dir>")
    Path clips;

    @Option(names = "--split", defaultValue = "TEST", description = "Without --clips, the workspace's clips to run:"
            + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--listen-minutes", defaultValue = "10", description = "Without --clips, minutes of the split's"
            + " audio to stream as PCM through the listening firmware and the simulator, every frame, step and"
            + " detection compared; 0 to skip (default: ${DEFAULT-VALUE}).")
    double listenMinutes;

    @Mixin
    CodegenOptions codegen;

    @Mixin
    TargetsOption targets;

    @Override
    Integer runLocked() throws Exception {
        KernelLibrary kernels = codegen.kernels(System.getenv(), System.err);
        Workspace workspace = pipeline.workspace();
        QuantizedModel quantized = ModelInput.read(model != null ? model : workspace.model());
        for (Target target : targets.targets()) {
            Tools.requireToBuildAndRun(target);
        }
        BenchmarkData data = clips != null ? null : pipeline.data(System.err);
        Clips run = clips != null ? folderClips(quantized) : splitClips(data);
        FirmwareStage.Built built = FirmwareStage.run(quantized, workspace, codegen.config(), targets.targets(),
                kernels, System.err);
        Map<Target, TraceComparison.Result> results = VerifyStage.run(quantized, built.builds(), run.ids(),
                run.features(), workspace.firmware(), System.err);
        boolean identical = true;
        for (Map.Entry<Target, TraceComparison.Result> e : results.entrySet()) {
            out().println(e.getKey().makeName() + " (" + built.builds().get(e.getKey()).kernelsAndRounding() + "): "
                    + e.getValue().summary());
            identical &= e.getValue().identical();
        }
        if (data != null && listenMinutes > 0) {
            Map<Target, ListeningVerification.Heard> heard = ListeningVerification.run(quantized,
                    ListeningVerification.audio(data.wordClips(split)), listenMinutes, pipeline.seed(),
                    targets.targets(), kernels, workspace.firmware(), System.err);
            for (Map.Entry<Target, ListeningVerification.Heard> e : heard.entrySet()) {
                out().println(e.getKey().makeName() + " listening (" + e.getValue().builtWith() + "): "
                        + e.getValue().summary());
                identical &= e.getValue().comparison().identical();
            }
        }
        return (identical ? ExitCode.OK : ExitCode.MISMATCH).code();
    }

    /** Clip names and their features. */
    private record Clips(List<String> ids, List<byte[]> features) {
    }

    private Clips folderClips(QuantizedModel quantized) throws IOException {
        List<ClipFolder.NamedFeatures> named;
        try {
            named = ClipFolder.read(clips, quantized.info().frames(), quantized.info().melBins());
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--clips: " + e.getMessage());
        }
        return new Clips(named.stream().map(ClipFolder.NamedFeatures::id).toList(),
                named.stream().map(ClipFolder.NamedFeatures::features).toList());
    }

    private Clips splitClips(BenchmarkData data) throws IOException {
        Map<Split, FeatureSet> features = pipeline.features(data, System.err);
        List<LabelledFeatures> items = features.get(split).items();
        return new Clips(items.stream().map(LabelledFeatures::id).toList(),
                items.stream().map(LabelledFeatures::features).toList());
    }
}
