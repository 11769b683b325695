package dev.hark.cli;

/** A failure the command reports in one line with a chosen exit code. */
public class HarkException extends RuntimeException {
    private final ExitCode exitCode;

    public HarkException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
