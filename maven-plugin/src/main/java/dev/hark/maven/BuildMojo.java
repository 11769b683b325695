package dev.hark.maven;

import dev.hark.firmware.run.FirmwareBuild;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Generates the sources (or finds them up to date) and compiles the firmware for each target with the toolchain
 * found on the machine: gcc for the host, the Arm toolchain for a board. A missing tool fails the goal with its
 * name and the apt packages that install it.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class BuildMojo extends AbstractFirmwareMojo {
    @Override
    void executeGoal() throws MojoFailureException {
        Map<?, FirmwareBuild.Result> builds = buildFirmware(targets(), readModel());
        for (FirmwareBuild.Result built : builds.values()) {
            getLog().info(built.target().makeName() + " firmware with " + built.kernelsAndRounding() + ": "
                    + built.executable() + built.size().map(size -> ", " + size).orElse(""));
        }
    }
}
