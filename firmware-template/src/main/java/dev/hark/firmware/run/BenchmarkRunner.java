package dev.hark.firmware.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the benchmark programs: {@link Program#LISTEN_BENCH} and {@link Program#RESCORE_BENCH} with arguments (under
 * QEMU with {@code -icount shift=0}, so their counter counts instructions), and the lean firmware
 * {@link Program#LISTEN_LEAN} (under QEMU without semihosting). Each run's output is kept in
 * {@code <program>.log} in the work directory.
 */
public final class BenchmarkRunner extends ProgramRunner<BenchmarkRunner> {
    /** Default limit for one run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** @param workDirectory created if missing; holds the logs */
    public BenchmarkRunner(Path workDirectory) {
        super(workDirectory, DEFAULT_TIMEOUT);
    }

    /**
     * @param arguments the program's arguments (see its source: seconds, chunk samples, ...)
     * @throws IllegalArgumentException if {@code build} is not a benchmark program
     * @throws MissingToolException     if QEMU is needed and not installed
     * @throws FirmwareRunException     if the program fails (exit status and its output in the message), times out
     *                                  or prints no well-formed figures
     */
    public BenchmarkOutput run(FirmwareBuild.Result build, List<String> arguments) throws FirmwareRunException {
        requireProgram(build, "a benchmark program", Program.LISTEN_BENCH, Program.RESCORE_BENCH);
        return runAndParse(build, build.target().benchmarkCommand(build.executable(), arguments),
                BenchmarkOutput::parse);
    }

    /**
     * @throws IllegalArgumentException if {@code build} is not the lean firmware
     * @throws MissingToolException     if QEMU is not installed
     * @throws FirmwareRunException     if QEMU fails or times out, or the firmware reports a failure or nothing
     */
    public LeanRun runLean(FirmwareBuild.Result build) throws FirmwareRunException {
        requireProgram(build, "the lean firmware", Program.LISTEN_LEAN);
        return runAndParse(build, build.target().leanCommand(build.executable()), LeanRun::parse);
    }

    /** @param parser throws {@link IllegalArgumentException} for output it cannot use */
    private <T> T runAndParse(FirmwareBuild.Result build, List<String> command, Function<String, T> parser)
            throws FirmwareRunException {
        String output = execute(build.target(), build.executable(), command, build.program().baseName() + ".log")
                .output();
        try {
            return parser.apply(output);
        } catch (IllegalArgumentException e) {
            throw new FirmwareRunException(build.executable().getFileName() + ": " + e.getMessage(), e);
        }
    }
}
