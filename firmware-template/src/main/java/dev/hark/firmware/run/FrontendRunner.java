package dev.hark.firmware.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a built front-end runner ({@link Program#FRONTEND_RUNNER}) on PCM clips and returns the frames the C front
 * end gave, in the order and at the points it gave them.
 *
 * <p>It writes {@code frontend_in.bin}, runs the program and reads {@code frontend_out.bin}, as {@link ProgramRunner}
 * says.
 */
public final class FrontendRunner extends ProgramRunner<FrontendRunner> {
    /** Default limit for one run; QEMU without KVM is slow, but a minute of audio takes seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Its input, output and log in the work directory. */
    public static final ExchangeFiles FILES = new ExchangeFiles("frontend_in.bin", "frontend_out.bin", "frontend_runner.log");

    /** @param workDirectory created if missing; holds the input, output and log files */
    public FrontendRunner(Path workDirectory) {
        super(workDirectory, DEFAULT_TIMEOUT);
    }

    /**
     * @throws IllegalArgumentException if {@code build} is not a front-end runner
     * @throws MissingToolException     if QEMU is needed and not installed
     * @throws FirmwareRunException     if the program fails (exit status and its output in the message), times out,
     *                                  or writes a malformed output or one with another number of clips
     */
    public List<StreamedClip> run(FirmwareBuild.Result build, List<PcmClip> clips) throws IOException {
        requireProgram(build, "a front-end runner", Program.FRONTEND_RUNNER);
        return exchange(build.target(), build.executable(), FILES, input -> FrontendFiles.writeInput(input, clips),
                output -> {
                    List<StreamedClip> streamed = FrontendFiles.readOutput(output);
                    requireCount(output, streamed.size(), clips.size(), "clips streamed");
                    return streamed;
                });
    }
}
