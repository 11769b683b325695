package dev.hark.cli;

/** A failure the command reports in one line with a chosen exit code. */
public class HarkException extends RuntimeException {
    private final int exitCode;

    public HarkException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
