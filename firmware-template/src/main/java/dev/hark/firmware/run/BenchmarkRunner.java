package dev.hark.firmware.run;

import dev.hark.sim.io.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the benchmark programs: {@link Program#LISTEN_BENCH} and {@link Program#RESCORE_BENCH} with arguments (under
 * QEMU with {@code -icount shift=0}, so their counter counts instructions), and the lean firmware
 * {@link Program#LISTEN_LEAN} (under QEMU without semihosting). Each run's output is kept in
 * {@code <program>.log} in the work directory.
 */
public final class BenchmarkRunner {
    /** Default limit for one run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Path workDirectory;
    private Duration timeout = DEFAULT_TIMEOUT;

    /** @param workDirectory created if missing; holds the logs */
    public BenchmarkRunner(Path workDirectory) {
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    public BenchmarkRunner optTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * @param arguments the program's arguments (see its source: seconds, chunk samples, ...)
     * @throws IllegalArgumentException if {@code build} is not a benchmark program
     * @throws MissingToolException     if QEMU is needed and not installed
     * @throws FirmwareRunException     if the program fails (exit status and its output in the message), times out
     *                                  or prints no well-formed figures
     */
    public BenchmarkOutput run(FirmwareBuild.Result build, List<String> arguments) throws FirmwareRunException {
        if (build.program() != Program.LISTEN_BENCH && build.program() != Program.RESCORE_BENCH) {
            throw new IllegalArgumentException(build.executable() + " is not a benchmark program but "
                    + build.program());
        }
        ProcessRunner.Finished run = execute(build, build.target().benchmarkCommand(build.executable(), arguments));
        try {
            return BenchmarkOutput.parse(run.output());
        } catch (IllegalArgumentException e) {
            throw new FirmwareRunException(build.executable().getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException if {@code build} is not the lean firmware
     * @throws MissingToolException     if QEMU is not installed
     * @throws FirmwareRunException     if QEMU fails or times out, or the firmware reports a failure or nothing
     */
    public LeanRun runLean(FirmwareBuild.Result build) throws FirmwareRunException {
        if (build.program() != Program.LISTEN_LEAN) {
            throw new IllegalArgumentException(build.executable() + " is not the lean firmware but " + build.program());
        }
        ProcessRunner.Finished run = execute(build, build.target().leanCommand(build.executable()));
        try {
            return LeanRun.parse(run.output());
        } catch (IllegalArgumentException e) {
            throw new FirmwareRunException(build.executable().getFileName() + ": " + e.getMessage(), e);
        }
    }

    private ProcessRunner.Finished execute(FirmwareBuild.Result build, List<String> command)
            throws FirmwareRunException {
        for (String tool : build.target().runTools()) {
            Tools.require(tool, "to run the firmware for " + build.target().makeName());
        }
        try {
            Files.createDirectories(workDirectory);
        } catch (IOException e) {
            throw new FirmwareRunException("cannot create " + workDirectory + ": " + e.getMessage(), e);
        }
        Path log = workDirectory.resolve(build.program().baseName() + ".log");
        ProcessRunner.Finished run = Tools.run(command, workDirectory, log, timeout);
        if (run.exitCode() != 0) {
            throw new FirmwareRunException("the " + build.target().makeName() + " program "
                    + build.executable().getFileName() + " failed with exit status " + run.exitCode() + ":\n"
                    + run.tail());
        }
        return run;
    }
}
