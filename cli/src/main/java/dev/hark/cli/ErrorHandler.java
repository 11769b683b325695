package dev.hark.cli;

import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.model.io.ModelFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit code. Problems with the user's input are expected and
 * get no stack trace; anything else is a bug and shows one (with {@code --verbose}-free defaults kept short).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parse) {
        ExitCode code = exitCode(e);
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        cli.getErr().println("hark: " + message);
        if (code == ExitCode.INTERNAL) {
            e.printStackTrace(cli.getErr());
        }
        return code.code();
    }

    static ExitCode exitCode(Throwable e) {
        if (e instanceof HarkException h) {
            return h.exitCode();
        }
        if (e instanceof FirmwareRunException) {
            return ExitCode.TOOL_FAILED; // a tool is missing (MissingToolException) or make, gcc or QEMU failed
        }
        if (e instanceof WorkspaceConflictException) {
            return ExitCode.BAD_INPUT; // the workspace given with --work holds another run's outputs
        }
        if (e instanceof ModelFormatException || e instanceof AudioFormatException
                || e instanceof java.nio.file.NoSuchFileException || e instanceof IllegalArgumentException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL;
    }
}
