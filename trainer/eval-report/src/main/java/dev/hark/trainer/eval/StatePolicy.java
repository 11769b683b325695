package dev.hark.trainer.eval;

import java.util.Locale;

/**
 * How a listening network's state (GRU hidden states, attention window, frame window) is treated over a long
 * stream. Carried forever, the state has seen everything since power-on, which no training clip was like (each
 * started from zero); a reset brings it back to a clip's start at the price of a warm-up (the frame window refills
 * before the next step) and of cutting a keyword that straddles it.
 *
 * @param resetEverySeconds   reset when the stream's time reaches a multiple of this (0: never)
 * @param resetAfterDetection reset right after every detection (the device has acted on it)
 */
public record StatePolicy(double resetEverySeconds, boolean resetAfterDetection) {
    /** The state carried from the start of the stream to its end. */
    public static final StatePolicy CARRIED = new StatePolicy(0, false);

    /**
     * The policy the report uses: the state carried, the fewest misses at 1 false alarm per hour of the policies
     * measured on two 4-hour test streams (docs/metrics.md gives the table), and one listening serves every
     * threshold.
     */
    public static final StatePolicy DEFAULT = CARRIED;

    /** @throws IllegalArgumentException if the period is negative, or positive but shorter than 100 ms */
    public StatePolicy {
        if (!(resetEverySeconds == 0 || resetEverySeconds >= 0.1) || Double.isInfinite(resetEverySeconds)) {
            throw new IllegalArgumentException("state reset period must be 0 (never) or at least 0.1 s, got "
                    + resetEverySeconds);
        }
    }

    /** Reset every {@code seconds}. */
    public static StatePolicy resetEvery(double seconds) {
        return new StatePolicy(seconds, false);
    }

    /** Reset after every detection. */
    public static StatePolicy resetAfterEachDetection() {
        return new StatePolicy(0, true);
    }

    /** The reset period in feature frames (10 ms each), or 0 for never. */
    public long resetEveryFrames() {
        return Math.round(resetEverySeconds * StreamTime.FRAMES_PER_SECOND);
    }

    /** Whether the scores depend on the detections (and so on the detection settings). */
    public boolean dependsOnDetections() {
        return resetAfterDetection;
    }

    /** For tables: "carried", "reset every 10 s", "reset after detection", or both resets. */
    public String describe() {
        String periodic = resetEverySeconds > 0
                ? String.format(Locale.ROOT, "reset every %s s", PlainNumber.of(resetEverySeconds)) : "";
        if (resetAfterDetection) {
            return periodic.isEmpty() ? "reset after detection" : periodic + " and after detection";
        }
        return periodic.isEmpty() ? "carried" : periodic;
    }

    /**
     * Parses {@link #describe()}'s short forms: {@code carried}, {@code every=SECONDS}, {@code detection}, or
     * {@code every=SECONDS+detection}.
     *
     * @throws IllegalArgumentException naming the text if it is none of them
     */
    public static StatePolicy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("carried")) {
            return CARRIED;
        }
        boolean detection = false;
        double every = 0;
        for (String part : t.split("\\+")) {
            if (part.equals("detection")) {
                detection = true;
            } else if (part.startsWith("every=")) {
                try {
                    every = Double.parseDouble(part.substring("every=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("state policy '" + text + "': no seconds after every=");
                }
            } else {
                throw new IllegalArgumentException("state policy '" + text
                        + "': expected carried, every=SECONDS, detection or every=SECONDS+detection");
            }
        }
        return new StatePolicy(every, detection);
    }
}
