package dev.hark.cli;

import dev.hark.pipeline.demo.DemoRun;
import dev.hark.pipeline.soundstream.SoundStreamSettings;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hark demo}: the whole path on one data set, ending with a report ({@link DemoRun}); a killed demo resumes. */
@Command(name = "demo",
        description = "Run the whole path: data -> features -> float CRNN -> int8 -> C -> firmware, verified bit "
                + "for bit against the simulator on the host and under QEMU, then print a report.")
final class DemoCommand extends PipelineCommand {
    @Mixin
    FloatTrainingOptions training;

    @Mixin
    StreamTrainingOptions forListening;

    @Mixin
    TargetsOption targets;

    @Option(names = "--sound-stream-hours", description = "Hours of the sound stream measurement at the end, and of "
            + "the dev-split streams the detector is chosen on first; 0 leaves both out (default: ${DEFAULT-VALUE}).")
    double soundStreamHours = SoundStreamSettings.DEFAULT_HOURS;

    @Override
    Integer runLocked() throws Exception {
        training.check();
        StreamTrainingRecipe recipe = forListening.recipe(training.augment);
        if (!(soundStreamHours >= 0) || Double.isInfinite(soundStreamHours)) {
            throw new HarkException(ExitCode.USAGE, "--sound-stream-hours must be 0 or more, got "
                    + soundStreamHours);
        }
        DemoRun.Outcome outcome = DemoRun.run(new DemoRun.Settings(pipeline.data, pipeline.keyword(), pipeline.seed(),
                training.epochs, training.augment, recipe, targets.targets(), producer(), soundStreamHours),
                pipeline.workspace(), System.err);
        out().print(outcome.report());
        out().flush();
        return (outcome.identical() ? ExitCode.OK : ExitCode.MISMATCH).code();
    }

    /** The first line of {@code --version}, written into the model file; "hark" when there is none. */
    private String producer() {
        try {
            return spec.root().versionProvider().getVersion()[0];
        } catch (Exception e) {
            return "hark";
        }
    }
}
