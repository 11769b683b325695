package dev.hark.firmware.run;

import dev.hark.sim.detect.DetectionSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a built listening harness ({@link Program#LISTEN_HARNESS}) on PCM and returns what it recorded: frames,
 * network steps and detections.
 *
 * <p>It writes {@code listen_in.bin}, runs the program and reads {@code listen_out.bin}, as {@link ProgramRunner}
 * says.
 */
public final class ListenRunner extends ProgramRunner<ListenRunner> {
    /** Default limit for one run: QEMU runs the front end and the network of a minute of audio in about a minute. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** Its input, output and log in the work directory. */
    public static final ExchangeFiles FILES = new ExchangeFiles("listen_in.bin", "listen_out.bin", "hark_listen.log");

    /** @param workDirectory created if missing; holds the input, output and log files */
    public ListenRunner(Path workDirectory) {
        super(workDirectory, DEFAULT_TIMEOUT);
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
        requireProgram(build, "a listening harness", Program.LISTEN_HARNESS);
        return exchange(build.target(), build.executable(), FILES,
                input -> ListenFiles.writeInput(input, samples, chunkSizes, settings), ListenFiles::readOutput);
    }
}
