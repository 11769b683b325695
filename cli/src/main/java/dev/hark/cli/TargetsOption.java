package dev.hark.cli;

import dev.hark.firmware.run.Target;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --targets} option of the commands that build and run the firmware; a shared setting
 * ({@link dev.hark.config.Setting#TARGETS}), its description and default come from there.
 */
final class TargetsOption {
    @Option(names = "--targets", split = ",", converter = TargetName.class)
    List<Target> targets;
}
