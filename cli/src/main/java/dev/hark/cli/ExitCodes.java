package dev.hark.cli;

/** What {@code hark} returns to the shell. */
public final class ExitCodes {
    /** Everything worked (for {@code verify}: zero differing bytes). */
    public static final int OK = 0;
    /** Bad input: a file that cannot be read or does not have the expected format. */
    public static final int BAD_INPUT = 1;
    /** Wrong command-line usage (picocli's own convention). */
    public static final int USAGE = 2;
    /** The firmware and the simulator disagree: the product's promise is broken. */
    public static final int MISMATCH = 3;
    /** A tool the step needs (compiler, emulator, speech synthesizer) is missing or failed. */
    public static final int TOOL_FAILED = 4;
    /** An unexpected internal error (a bug in hark). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
