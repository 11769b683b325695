package dev.hark.firmware.run;

import dev.hark.sim.io.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every runner of a built program does: it checks the build is the program it runs, runs it in its work
 * directory (natively, or under QEMU, whose semihosting file IO resolves relative paths in that directory) with
 * stdin closed and a time limit, keeps its output in a log there, and turns a failure into one
 * {@link FirmwareRunException} with the exit status and the end of the output.
 *
 * <p>A program that exchanges files ({@link #exchange}) gets its input written atomically and any old output deleted
 * before it runs, and writes its output under a temporary name that it renames when complete, so an output present
 * after a successful exit is whole.
 *
 * @param <R> the runner itself, which {@link #optTimeout} returns
 */
public abstract sealed class ProgramRunner<R extends ProgramRunner<R>>
        permits HarnessRunner, FrontendRunner, ListenRunner, BenchmarkRunner {
    /** Writes a program's input file. */
    @FunctionalInterface
    interface InputWriter {
        void write(Path file) throws IOException;
    }

    /** Reads and validates a program's output file. */
    @FunctionalInterface
    interface OutputReader<T> {
        T read(Path file) throws IOException;
    }

    /** The names of a program's files in the work directory. */
    public record ExchangeFiles(String input, String output, String log) {
    }

    private final Path workDirectory;
    private Duration timeout;

    /** @param workDirectory created if missing; holds the program's files and logs */
    ProgramRunner(Path workDirectory, Duration defaultTimeout) {
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
        this.timeout = defaultTimeout;
    }

    /** Limits each run of the program to {@code timeout} instead of the runner's default. */
    @SuppressWarnings("unchecked") // R is the runner's own class: each permitted subclass passes itself
    public R optTimeout(Duration timeout) {
        this.timeout = timeout;
        return (R) this;
    }

    /**
     * @param what what the runner runs, for the message ("a harness")
     * @throws IllegalArgumentException if {@code build} is none of {@code programs}
     */
    static void requireProgram(FirmwareBuild.Result build, String what, Program... programs) {
        if (!List.of(programs).contains(build.program())) {
            throw new IllegalArgumentException(build.executable() + " is not " + what + " but " + build.program());
        }
    }

    /**
     * @param what what the records are, for the message ("clips streamed")
     * @throws FirmwareRunException naming the output, if it holds another number of records than the input
     */
    static void requireCount(Path output, int records, int expected, String what) throws FirmwareRunException {
        if (records != expected) {
            throw new FirmwareRunException(output + ": " + records + " " + what + ", " + expected + " expected");
        }
    }

    /**
     * Runs {@code executable} without arguments, so it reads its input and writes its output under their default
     * names in the work directory, and returns what {@code output} reads from that output.
     *
     * @throws MissingToolException if QEMU is needed and not installed
     * @throws FirmwareRunException if the executable is missing, the program fails or times out, or its output is
     *                              unusable
     */
    <T> T exchange(Target target, Path executable, ExchangeFiles files, InputWriter input, OutputReader<T> output)
            throws IOException {
        Path outputFile = workDirectory().resolve(files.output());
        input.write(workDirectory.resolve(files.input()));
        Files.deleteIfExists(outputFile);
        execute(target, executable, target.runCommand(executable.toAbsolutePath()), files.log());
        return output.read(outputFile);
    }

    /**
     * Runs {@code command}, which runs {@code executable} of {@code target}, in the work directory.
     *
     * @param log the file name of its output in the work directory
     * @return the finished run, whose exit status is 0
     * @throws MissingToolException if QEMU is needed and not installed
     * @throws FirmwareRunException if the executable is missing, or the program fails (exit status and the end of
     *                              its output in the message) or times out
     */
    ProcessRunner.Finished execute(Target target, Path executable, List<String> command, String log)
            throws FirmwareRunException {
        for (String tool : target.runTools()) {
            Tools.require(tool, "to run the firmware for " + target.makeName());
        }
        if (!Files.isRegularFile(executable)) {
            throw new FirmwareRunException(executable + ": no such executable");
        }
        ProcessRunner.Finished run = Tools.run(command, workDirectory(), workDirectory.resolve(log), timeout);
        if (run.exitCode() != 0) {
            throw new FirmwareRunException("the " + target.makeName() + " program " + executable.getFileName()
                    + " failed with exit status " + run.exitCode() + ":\n" + run.tail());
        }
        return run;
    }

    /** The work directory, created if missing. */
    private Path workDirectory() throws FirmwareRunException {
        try {
            return Files.createDirectories(workDirectory);
        } catch (IOException e) {
            throw new FirmwareRunException("cannot create " + workDirectory + ": " + e.getMessage(), e);
        }
    }
}
