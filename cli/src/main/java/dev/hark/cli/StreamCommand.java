package dev.hark.cli;

import dev.hark.firmware.run.Tools;
import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.Target;
import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.listen.ListenStage;
import dev.hark.pipeline.listen.ListeningSettings;
import dev.hark.pipeline.verify.FirmwareCheck;
import dev.hark.sim.model.QuantizedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark stream}: listens to a WAV file as the device would, prints the detections, writes the score trace
 * and its chart; with {@code --target}, plays the same audio to the listening firmware and checks that it hears
 * exactly what the simulator hears (exit code 3 when not).
 */
@Command(name = "stream",
        description = {"Listen to a WAV file with the integer front end, the streaming network and the detector "
                + "(the simulator): print each detection, write the per-step scores (<out>/<wav>-scores.csv) and "
                + "their chart (<out>/<wav>-scores.png).",
                "With --target, play the same audio to the listening firmware, print its detections and compare "
                        + "every feature frame, step and detection with the simulator (exit code 3 on any "
                        + "difference)."})
final class StreamCommand extends Subcommand {
    @Option(names = {"-m", "--model"}, required = true, description = "Quantized model file (.hark).")
    Path model;

    @Option(names = "--wav", required = true, description = "The recording: 16 kHz mono (other rates are "
            + "resampled, channels mixed).")
    Path wav;

    @Option(names = {"-o", "--out"}, defaultValue = "build/stream",
            description = "Folder for the score trace, its chart and the firmware (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--target", converter = TargetName.class, completionCandidates = TargetName.class,
            description = "Also listen on the firmware: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Mixin
    ListeningOptions listening;

    @Override
    public Integer call() throws Exception {
        QuantizedModel quantized = ModelInput.read(model);
        short[] samples = ListenStage.readWav(wav, System.err);
        if (target != null) {
            Tools.requireToBuildAndRun(target);
        }
        ListeningSettings settings;
        ListenStage.Heard heard;
        try {
            settings = listening.settings(quantized);
            heard = ListenStage.listen(quantized, settings, samples);
        } catch (IllegalArgumentException e) { // the model cannot stream, or not on this front end
            throw new HarkException(ExitCode.BAD_INPUT, model + ": " + e.getMessage());
        }
        PrintWriter print = out();
        print.println(wav.getFileName() + ": " + heard.describe());
        heard.detections().forEach(d -> print.println(ListenStage.describe(d)));
        print.println(heard.summary());
        ListenStage.Written written = ListenStage.write(heard, wav, out);
        print.println("score trace " + written.trace() + ", chart " + written.chart());
        if (target == null) {
            return ExitCode.OK.code();
        }
        FirmwareCheck.ListenOutcome firmware = ListenStage.onTarget(quantized, settings, samples, target,
                out.resolve("firmware-" + target.makeName()), System.err);
        firmware.trace().events().forEach(d -> print.println(target.makeName() + ": " + ListenStage.describe(d)));
        ListenComparison.Result comparison = firmware.comparison();
        print.println(target.makeName() + ": " + comparison.summary());
        return (comparison.identical() ? ExitCode.OK : ExitCode.MISMATCH).code();
    }
}
