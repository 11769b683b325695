package dev.hark.firmware.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a built harness on feature clips, or on a stream of feature frames, and returns what it traced.
 *
 * <p>In the work directory it writes {@value #INPUT_FILE} (atomically), deletes any old {@value #OUTPUT_FILE},
 * runs the harness there with stdin closed (natively, or as
 * {@code qemu-system-arm -M mps2-an386 -nographic -semihosting -kernel hark_harness.elf}, whose semihosting file
 * IO resolves relative paths in that directory), keeps its output in {@value #LOG_FILE}, and reads
 * {@value #OUTPUT_FILE}. The harness writes its output under a temporary name and renames it when complete, so a
 * file present after a successful exit is whole.
 */
public final class HarnessRunner {
    public static final String INPUT_FILE = "hark_in.bin";
    public static final String OUTPUT_FILE = "hark_out.bin";
    public static final String LOG_FILE = "harness.log";
    /** Default limit for one run; QEMU without KVM is slow, but a few clips take seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Path workDirectory;
    private Duration timeout = DEFAULT_TIMEOUT;

    /** @param workDirectory created if missing; holds the input, output and log files */
    public HarnessRunner(Path workDirectory) {
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    public HarnessRunner optTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * Runs the harness of {@code build}.
     *
     * @throws IllegalArgumentException if {@code build} is not a harness
     */
    public HarnessTrace run(FirmwareBuild.Result build, List<byte[]> clips, int inputSize) throws IOException {
        if (build.program() != Program.HARNESS) {
            throw new IllegalArgumentException(build.executable() + " is not a harness but " + build.program());
        }
        return run(build.target(), build.executable(), clips, inputSize);
    }

    /**
     * @param clips     feature clips of {@code inputSize} bytes each
     * @param inputSize the network's input size (HARK_INPUT_SIZE)
     * @throws MissingToolException if QEMU is needed and not installed
     * @throws FirmwareRunException if the harness fails (exit status and its output in the message), times out,
     *                              or writes a trace that is malformed or holds another number of clips
     */
    public HarnessTrace run(Target target, Path executable, List<byte[]> clips, int inputSize) throws IOException {
        return run(target, executable, clips, inputSize, clips.size());
    }

    /**
     * Runs the harness of a streaming network on a stream of feature frames.
     *
     * @param frames    feature frames of {@code frameSize} bytes each (HARK_FRAME_SIZE), in time order
     * @param steps     the steps the frames complete, which the trace must hold
     * @throws FirmwareRunException as {@link #run(Target, Path, List, int)}, for another number of steps
     */
    public HarnessTrace runStream(FirmwareBuild.Result build, List<byte[]> frames, int frameSize, int steps)
            throws IOException {
        return run(build.target(), build.executable(), frames, frameSize, steps);
    }

    private HarnessTrace run(Target target, Path executable, List<byte[]> records, int recordSize, int runs)
            throws IOException {
        Files.createDirectories(workDirectory);
        Path output = workDirectory.resolve(OUTPUT_FILE);
        HarnessFiles.writeInput(workDirectory.resolve(INPUT_FILE), records, recordSize);
        Files.deleteIfExists(output);
        Tools.runProgram(target, executable, workDirectory, workDirectory.resolve(LOG_FILE), timeout);
        HarnessTrace trace = HarnessFiles.readTrace(output);
        if (trace.clips().size() != runs) {
            throw new FirmwareRunException(output + ": " + trace.clips().size() + " runs traced, " + runs
                    + " expected");
        }
        return trace;
    }
}
