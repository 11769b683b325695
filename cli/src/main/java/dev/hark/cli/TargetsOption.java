package dev.hark.cli;

import dev.hark.firmware.run.Target;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --targets} option of the commands that build and run the firmware. */
final class TargetsOption {
    @Option(names = "--targets", split = ",", defaultValue = "HOST,MPS2_AN386",
            description = "Where to run the firmware and compare it with the simulator: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Target> targets;
}
