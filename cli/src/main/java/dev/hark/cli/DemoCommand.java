package dev.hark.cli;

import dev.hark.pipeline.demo.DemoRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hark demo}: the whole path on one data set, ending with a report ({@link DemoRun}); a killed demo resumes. */
@Command(name = "demo",
        description = "Run the whole path: data -> features -> float CRNN -> int8 -> C -> firmware, verified bit "
                + "for bit against the simulator on the host and under QEMU, then print a report.")
final class DemoCommand extends PipelineCommand {
    @Mixin
    FloatTrainingOptions training;

    @Mixin
    TargetsOption targets;

    @Override
    Integer runLocked() throws Exception {
        training.check();
        DemoRun.Outcome outcome = DemoRun.run(new DemoRun.Settings(pipeline.data, pipeline.keyword(), pipeline.seed(),
                training.epochs, training.augment, targets.targets(), producer()), pipeline.workspace(), System.err);
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
