package dev.hark.trainer.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint that must not be loaded: truncated, corrupted (checksum mismatch), malformed, or written for a
 * different run. The message is one line that starts with the file's path.
 */
public final class CheckpointException extends IOException {
    private final String problem;

    public CheckpointException(Path file, String problem) {
        super(file + ": " + problem);
        this.problem = problem;
    }

    /** The problem, without the file name. */
    public String problem() {
        return problem;
    }
}
