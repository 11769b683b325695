package dev.hark.maven;

import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.SizeReport;
import dev.hark.firmware.run.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the firmware for each board among the targets with the Arm toolchain found on the machine and reports its
 * exact flash and RAM, from {@code arm-none-eabi-size}; fails when either is over its budget. The host, which has no
 * flash to measure, is passed over, so the goals share one {@code targets} setting. The image measured is the one
 * {@code hark verify} runs: the generated network, the C runtime, the board's startup code and hark's test harness
 * (which reads clips through semihosting, so its C library share is larger than a product's would be).
 */
@Mojo(name = "size", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SizeMojo extends AbstractFirmwareMojo {
    /** Most flash the firmware may take, in bytes (text + data); no limit when unset. */
    @Parameter(property = "hark.flashBudget")
    Long flashBudget;

    /** Most static RAM the firmware may take, in bytes (data + bss); no limit when unset. */
    @Parameter(property = "hark.ramBudget")
    Long ramBudget;

    @Override
    void executeGoal() throws MojoFailureException {
        List<Target> boards = boardTargets();
        checkBudget("flashBudget", flashBudget);
        checkBudget("ramBudget", ramBudget);
        Map<Target, FirmwareBuild.Result> builds = buildFirmware(boards, readModel());
        List<String> overBudget = new ArrayList<>();
        for (FirmwareBuild.Result built : builds.values()) {
            Target target = built.target();
            SizeReport size = built.size().orElseThrow(() -> new IllegalStateException(target + " is a board but its"
                    + " build measured no size"));
            getLog().info(target.makeName() + " firmware with " + built.kernelsAndRounding() + ": " + size);
            try {
                built.memoryMap().ifPresent(map -> map.table().forEach(line -> getLog().info("  " + line)));
            } catch (FirmwareRunException e) {
                throw failure(e, getLog());
            }
            if (flashBudget != null && size.flash() > flashBudget) {
                overBudget.add(target.makeName() + " flash " + size.flash() + " bytes > flashBudget " + flashBudget);
            }
            if (ramBudget != null && size.ram() > ramBudget) {
                overBudget.add(target.makeName() + " RAM " + size.ram() + " bytes > ramBudget " + ramBudget);
            }
        }
        if (!overBudget.isEmpty()) {
            throw new MojoFailureException("The firmware is over budget: " + String.join(", ", overBudget) + ".");
        }
    }

    /** The boards among the targets, or a failure when there is none. */
    List<Target> boardTargets() throws MojoFailureException {
        List<Target> boards = targets().stream().filter(target -> !target.isHost()).toList();
        if (boards.isEmpty()) {
            String withFlash = Target.all().stream().filter(target -> !target.isHost()).map(Target::makeName)
                    .collect(Collectors.joining(", "));
            throw new MojoFailureException("The parameter targets names no board, so there is no flash or RAM to"
                    + " measure: add one of " + withFlash + ".");
        }
        return boards;
    }

    private static void checkBudget(String name, Long budget) throws MojoFailureException {
        if (budget != null && budget <= 0) {
            throw new MojoFailureException("The parameter " + name + " must be a positive number of bytes, not "
                    + budget + ".");
        }
    }
}
