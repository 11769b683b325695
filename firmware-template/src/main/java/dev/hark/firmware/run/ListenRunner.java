package dev.hark.firmware.run;

import dev.hark.sim.detect.DetectionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a built listening harness ({@link Program#LISTEN_HARNESS}) on PCM and returns what it recorded: frames,
 * network steps and detections.
 *
 * <p>In the work directory it writes {@value #INPUT_FILE} (atomically), deletes any old {@value #OUTPUT_FILE}, runs
 * the program there (natively or under QEMU, whose semihosting file IO resolves relative paths in that directory),
 * keeps its output in {@value #LOG_FILE} and reads {@value #OUTPUT_FILE}, which the program writes under a
 * temporary name and renames when complete.
 */
public final class ListenRunner {
    public static final String INPUT_FILE = "listen_in.bin";
    public static final String OUTPUT_FILE = "listen_out.bin";
    public static final String LOG_FILE = "hark_listen.log";
    /** Default limit for one run: QEMU runs the front end and the network of a minute of audio in about a minute. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final Path workDirectory;
    private Duration timeout = DEFAULT_TIMEOUT;

    /** @param workDirectory created if missing; holds the input, output and log files */
    public ListenRunner(Path workDirectory) {
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    public ListenRunner optTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * @param chunkSizes the audio goes to {@code hark_kws_process} in chunks of these sizes, repeated
     * @throws IllegalArgumentException if {@code build} is not a listening harness
     * @throws MissingToolException     if QEMU is needed and not installed
     * @throws FirmwareRunException     if the program fails (exit status and its output in the message), times out,
     *                                  or writes a malformed output
     */
    public ListenTrace run(FirmwareBuild.Result build, short[] samples, int[] chunkSizes, DetectionSettings settings)
            throws IOException {
        if (build.program() != Program.LISTEN_HARNESS) {
            throw new IllegalArgumentException(build.executable() + " is not a listening harness but "
                    + build.program());
        }
        Files.createDirectories(workDirectory);
        Path output = workDirectory.resolve(OUTPUT_FILE);
        ListenFiles.writeInput(workDirectory.resolve(INPUT_FILE), samples, chunkSizes, settings);
        Files.deleteIfExists(output);
        Tools.runProgram(build.target(), build.executable(), workDirectory, workDirectory.resolve(LOG_FILE), timeout);
        return ListenFiles.readOutput(output);
    }
}
