package dev.hark.trainer.data;

import java.io.PrintStream;

/** Receives progress of a long job, phase by phase. Called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param phase what is being done, e.g. {@code "synthesizing clips"}
     * @param done  units finished so far in this phase, 0..total
     * @param total units in this phase
     */
    void progress(String phase, int done, int total);

    /** Ignores progress. */
    ProgressListener NONE = (phase, done, total) -> { };

    /** Prints lines such as {@code "synthesizing clips 812/3650"} to stderr, about every 5% and at the end of each phase. */
    static ProgressListener stderr() {
        return printingTo(System.err);
    }

    static ProgressListener printingTo(PrintStream out) {
        return new ProgressListener() {
            private String lastPhase = "";
            private int lastPrinted = -1;

            @Override
            public synchronized void progress(String phase, int done, int total) {
                boolean newPhase = !phase.equals(lastPhase);
                int step = Math.max(1, total / 20);
                if (newPhase || done == total || done - lastPrinted >= step) {
                    out.println(phase + " " + done + "/" + total);
                    out.flush();
                    lastPhase = phase;
                    lastPrinted = done;
                }
            }
        };
    }
}
