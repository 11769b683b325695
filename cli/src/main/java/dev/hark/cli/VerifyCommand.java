package dev.hark.cli;

import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.Tools;
import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.verify.VerifyStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Split;
import java.nio.file.Path;
import java.util.List;
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
        CodegenConfig generation = codegen.config(); // a bad --detector named before anything is built
        Workspace workspace = pipeline.workspace();
        QuantizedModel quantized = ModelInput.read(model != null ? model : workspace.model());
        List<Target> verified = targets.targets();
        for (Target target : verified) {
            Tools.requireToBuildAndRun(target);
        }
        VerifyStage.Clips run;
        List<ClipFile> listenTo = List.of(); // --clips alone: no audio to listen to
        if (clips != null) {
            try {
                run = VerifyStage.Clips.read(clips, quantized);
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.BAD_INPUT, "--clips: " + e.getMessage());
            }
        } else {
            BenchmarkData data = pipeline.data(System.err);
            run = VerifyStage.Clips.of(pipeline.features(data, System.err).get(split).items());
            listenTo = data.wordClips(split);
        }
        VerifyStage.Outcome outcome = VerifyStage.buildAndRun(quantized, run, listenTo,
                clips != null ? 0 : listenMinutes, pipeline.seed(), verified, generation, kernels,
                workspace, System.err);
        outcome.lines().forEach(out()::println);
        if (!outcome.identical()) {
            return ExitCode.MISMATCH.code();
        }
        // A program that did not fit a board left it unverified: said on its line, and not a success.
        return (outcome.complete() ? ExitCode.OK : ExitCode.BAD_INPUT).code();
    }
}
