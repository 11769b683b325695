package dev.hark.firmware.run;

import dev.hark.sim.io.Executables;
import dev.hark.sim.io.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The external programs of a firmware build and run (make, compilers, QEMU): a missing one is reported by name
 * before anything runs, and every failure to run one is a {@link FirmwareRunException}.
 */
public final class Tools {
    /**
     * The Debian/Ubuntu packages that install each program the firmware build and run use. The cross compiler is
     * useless without newlib (the firmware links its C library and semihosting), so they come together.
     */
    private static final Map<String, List<String>> APT_PACKAGES = Map.of(
            "make", List.of("make"),
            "gcc", List.of("gcc"),
            "arm-none-eabi-gcc", List.of("gcc-arm-none-eabi", "libnewlib-arm-none-eabi"),
            "arm-none-eabi-size", List.of("binutils-arm-none-eabi"),
            "qemu-system-arm", List.of("qemu-system-arm"),
            "openocd", List.of("openocd"));

    private Tools() {
    }

    /** The apt packages that install {@code tool}; empty for a program hark does not know. */
    static List<String> aptPackages(String tool) {
        return APT_PACKAGES.getOrDefault(tool, List.of());
    }

    /**
     * @param purpose what the tool is needed for, for the message ("to build for mps2-an386")
     * @throws MissingToolException if it is not on the PATH
     */
    public static Path require(String name, String purpose) throws MissingToolException {
        return Executables.find(name).orElseThrow(() -> new MissingToolException(name, purpose));
    }

    /**
     * Every program that building and running the firmware for {@code target} needs, checked before anything is
     * written, so that a command which would build and run stops at once and leaves no half-made firmware behind.
     *
     * @throws MissingToolException naming the first missing program
     */
    public static void requireToBuildAndRun(Target target) throws MissingToolException {
        for (String tool : target.buildTools()) {
            require(tool, "to build the firmware for " + target.makeName());
        }
        for (String tool : target.runTools()) {
            require(tool, "to run the firmware for " + target.makeName());
        }
    }

    /**
     * {@link ProcessRunner#run}: a non-zero exit status is returned.
     *
     * @throws FirmwareRunException if the program cannot start or does not finish in time
     */
    static ProcessRunner.Finished run(List<String> command, Path directory, Path log, Duration timeout)
            throws FirmwareRunException {
        return run(command, directory, log, timeout, process -> { });
    }

    /** As {@link #run(List, Path, Path, Duration)}, telling {@code started} the program's process first. */
    static ProcessRunner.Finished run(List<String> command, Path directory, Path log, Duration timeout,
                                      ProcessRunner.Started started) throws FirmwareRunException {
        try {
            return ProcessRunner.run(command, directory, log, timeout, started);
        } catch (IOException e) {
            throw new FirmwareRunException(e.getMessage(), e);
        }
    }
}
