package dev.hark.pipeline.workspace;

/**
 * A workspace holds outputs that do not belong to this run: another data set or keyword, or a float model trained
 * with other settings; or another run is using it ({@link WorkspaceLock}). Reusing them would silently mix two
 * experiments, so the run stops; the message is one line naming the folder and what it holds.
 */
public final class WorkspaceConflictException extends RuntimeException {
    public WorkspaceConflictException(String message) {
        super(message);
    }
}
