package dev.hark.firmware.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a built front-end runner ({@link Program#FRONTEND_RUNNER}) on PCM clips and returns the frames the C front
 * end gave, in the order and at the points it gave them.
 *
 * <p>In the work directory it writes {@value #INPUT_FILE} (atomically), deletes any old {@value #OUTPUT_FILE}, runs
 * the program there with stdin closed (natively or under QEMU, whose semihosting file IO resolves relative paths in
 * that directory), keeps its output in {@value #LOG_FILE} and reads {@value #OUTPUT_FILE}, which the program
 * writes under a temporary name and renames when complete.
 */
public final class FrontendRunner {
    public static final String INPUT_FILE = "frontend_in.bin";
    public static final String OUTPUT_FILE = "frontend_out.bin";
    public static final String LOG_FILE = "frontend_runner.log";
    /** Default limit for one run; QEMU without KVM is slow, but a minute of audio takes seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Path workDirectory;
    private Duration timeout = DEFAULT_TIMEOUT;

    /** @param workDirectory created if missing; holds the input, output and log files */
    public FrontendRunner(Path workDirectory) {
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    public FrontendRunner optTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * @throws IllegalArgumentException if {@code build} is not a front-end runner
     * @throws MissingToolException     if QEMU is needed and not installed
     * @throws FirmwareRunException     if the program fails (exit status and its output in the message), times out,
     *                                  or writes a malformed output or one with another number of clips
     */
    public List<StreamedClip> run(FirmwareBuild.Result build, List<PcmClip> clips) throws IOException {
        if (build.program() != Program.FRONTEND_RUNNER) {
            throw new IllegalArgumentException(build.executable() + " is not a front-end runner but " + build.program());
        }
        Files.createDirectories(workDirectory);
        Path output = workDirectory.resolve(OUTPUT_FILE);
        FrontendFiles.writeInput(workDirectory.resolve(INPUT_FILE), clips);
        Files.deleteIfExists(output);
        Tools.runProgram(build.target(), build.executable(), workDirectory, workDirectory.resolve(LOG_FILE), timeout);
        List<StreamedClip> streamed = FrontendFiles.readOutput(output);
        if (streamed.size() != clips.size()) {
            throw new FirmwareRunException(output + ": " + streamed.size() + " clips streamed, " + clips.size()
                    + " were sent");
        }
        return streamed;
    }
}
