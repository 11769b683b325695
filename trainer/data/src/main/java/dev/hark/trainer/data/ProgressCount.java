package dev.hark.trainer.data;

/**
 * Counts the units of a phase that worker threads finish and reports each count to a {@link ProgressListener}, in
 * order. Counting and reporting happen under one lock: were a thread to count 2 and another 3 and report first,
 * the listener would see 3 then 2, take 2 for no progress, and a line a person or a test waits for would be missing.
 */
public final class ProgressCount {
    private final ProgressListener listener;
    private final String phase;
    private final int total;
    private int done;

    private ProgressCount(ProgressListener listener, String phase, int total) {
        this.listener = listener;
        this.phase = phase;
        this.total = total;
    }

    /** Reports the phase's start ({@code 0/total}) and returns its count. */
    public static ProgressCount start(ProgressListener listener, String phase, int total) {
        listener.progress(phase, 0, total);
        return new ProgressCount(listener, phase, total);
    }

    /** One more unit finished: reports the new count. Thread-safe. */
    public synchronized void oneDone() {
        done++;
        listener.progress(phase, done, total);
    }
}
