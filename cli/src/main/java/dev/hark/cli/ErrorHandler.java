package dev.hark.cli;

import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.model.io.ModelFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit code. Problems with the user's input are expected and get no
 * stack trace; anything else is a bug and shows one. {@code --verbose} adds the stack trace to any error.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parse) {
        ExitCode code = exitCode(e);
        cli.getErr().println("hark: " + message(e));
        if (code == ExitCode.INTERNAL || verbose(parse)) {
            e.printStackTrace(cli.getErr());
        }
        return code.code();
    }

    /**
     * Wrong usage (an unknown option, a value that is no number, a missing required option): one line naming the
     * option and where the help is, instead of picocli's message followed by the whole usage text.
     */
    int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String message = e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ");
        err.println("hark: " + message + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        if (java.util.Arrays.asList(args).contains(VERBOSE)) { // the parse failed, so look at the words given
            e.printStackTrace(err);
        }
        return ExitCode.USAGE.code();
    }

    /**
     * The exception's message; for the JDK's file-system exceptions, whose message is often the bare path, the path
     * and what is wrong with it.
     */
    static String message(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            String reason;
            if (f instanceof NoSuchFileException) {
                reason = "no such file or folder";
            } else if (f instanceof FileAlreadyExistsException) {
                reason = Files.isDirectory(Path.of(f.getFile())) ? "already exists" : "is a file, where a folder is needed";
            } else if (f instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (f instanceof NotDirectoryException) {
                reason = "is not a folder";
            } else {
                reason = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            }
            return f.getFile() + (f.getOtherFile() != null ? " (to " + f.getOtherFile() + ")" : "") + ": " + reason;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Whether {@code --verbose} was given to the command or any of its parents. */
    private static boolean verbose(CommandLine.ParseResult parse) {
        for (CommandLine.ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
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
                || e instanceof NoSuchFileException || e instanceof IllegalArgumentException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL;
    }
}
