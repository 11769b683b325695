package dev.hark.firmware.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a built harness on feature clips, or on a stream of feature frames, and returns what it traced.
 *
 * <p>It writes {@code hark_in.bin}, runs the harness and reads {@code hark_out.bin}, as {@link ProgramRunner}
 * says; under QEMU the command is
 * {@code qemu-system-arm -M mps2-an386 -nographic -semihosting -kernel hark_harness.elf}.
 */
public final class HarnessRunner extends ProgramRunner<HarnessRunner> {
    /** Default limit for one run; QEMU without KVM is slow, but a few clips take seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Its input, output and log in the work directory. */
    public static final ExchangeFiles FILES = new ExchangeFiles("hark_in.bin", "hark_out.bin", "harness.log");

    /** @param workDirectory created if missing; holds the input, output and log files */
    public HarnessRunner(Path workDirectory) {
        super(workDirectory, DEFAULT_TIMEOUT);
    }

    /**
     * Runs the harness of {@code build}.
     *
     * @throws IllegalArgumentException if {@code build} is not a harness
     */
    public HarnessTrace run(FirmwareBuild.Result build, List<byte[]> clips, int inputSize) throws IOException {
        requireProgram(build, "a harness", Program.HARNESS);
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
        return exchange(target, executable, FILES, input -> HarnessFiles.writeInput(input, records, recordSize),
                output -> {
                    HarnessTrace trace = HarnessFiles.readTrace(output);
                    requireCount(output, trace.clips().size(), runs, "runs traced");
                    return trace;
                });
    }
}
