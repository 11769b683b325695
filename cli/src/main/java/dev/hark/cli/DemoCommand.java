package dev.hark.cli;

import dev.hark.firmware.run.Target;
import dev.hark.pipeline.demo.DemoRun;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hark demo}: the whole path on one data set, ending with a report ({@link DemoRun}); a killed demo resumes. */
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
        DemoRun.Outcome outcome = DemoRun.run(new DemoRun.Settings(pipeline.data, pipeline.keyword, pipeline.seed,
                epochs, augmentation.augment, targets, producer()), pipeline.workspace(), System.err);
        spec.commandLine().getOut().print(outcome.report());
        spec.commandLine().getOut().flush();
        return outcome.identical() ? ExitCodes.OK : ExitCodes.MISMATCH;
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
