package dev.hark.sim.detect;

import dev.hark.sim.program.KeywordScore;
import java.util.Locale;

/**
 * How a stream of keyword scores becomes detections, in integers the firmware uses unchanged.
 *
 * <p>A score is the keyword's log-odds in 1/16 nat plus 128, 0 to 255 ({@code KeywordScore}). The detector
 * averages the last {@code smoothingSteps} scores (steps before the stream began count as 0), fires when that mean
 * reaches {@code threshold}, and then stays silent for {@code refractorySteps} steps.
 *
 * @param smoothingSteps  scores averaged, at least 1 (1: no smoothing)
 * @param threshold       the mean that fires, 1 to 255 (128 is even odds, probability 0.5)
 * @param refractorySteps steps after a detection in which no other fires, at least 0
 */
public record DetectionSettings(int smoothingSteps, int threshold, int refractorySteps) {
    /**
     * What the listening firmware and the simulator use unless told otherwise: the mean of 5 scores (400 ms at
     * 80 ms a step, the smoothing with the fewest misses at 1 false alarm per hour of those measured,
     * docs/metrics.md) at probability 0.75 (146: log-odds ln 3 = 1.1 nats), then about 1 s (12 steps of 80 ms) of
     * silence. The evaluation sweeps the threshold; the smoothing it uses is this one.
     */
    public static final DetectionSettings DEFAULT = new DetectionSettings(5, 146, 12);

    /** The largest smoothing window; the firmware's detector reserves this many scores. */
    public static final int MAX_SMOOTHING_STEPS = 64;

    /**
     * Settings written as {@code smoothing,threshold,refractory} (steps, score, steps), as the {@code --detector}
     * setting of code generation takes them, e.g. {@code 12,192,7}.
     *
     * @throws IllegalArgumentException naming the part that is not a whole number or out of its range
     */
    public static DetectionSettings parse(String text) {
        String[] parts = text.strip().split("\\s*,\\s*", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected smoothing,threshold,refractory (e.g. 5,146,12), got \""
                    + text + "\"");
        }
        int[] values = new int[3];
        String[] names = {"smoothing", "threshold", "refractory"};
        for (int i = 0; i < 3; i++) {
            try {
                values[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the " + names[i] + " in \"" + text + "\" is not a whole number");
            }
        }
        return new DetectionSettings(values[0], values[1], values[2]);
    }

    /** The form {@link #parse} reads: {@code smoothing,threshold,refractory}. */
    public String toText() {
        return smoothingSteps + "," + threshold + "," + refractorySteps;
    }

    /** A line for people: {@code mean of 5 scores, threshold 146 (log-odds 1.12), refractory 12 steps}. */
    public String describe() {
        return "mean of " + smoothingSteps + (smoothingSteps == 1 ? " score" : " scores") + ", threshold "
                + threshold + String.format(Locale.ROOT, " (log-odds %.2f)", KeywordScore.logOdds(threshold))
                + ", refractory " + refractorySteps + (refractorySteps == 1 ? " step" : " steps");
    }

    public DetectionSettings {
        if (smoothingSteps < 1 || smoothingSteps > MAX_SMOOTHING_STEPS) {
            throw new IllegalArgumentException("smoothing must cover 1 to " + MAX_SMOOTHING_STEPS + " steps, got "
                    + smoothingSteps);
        }
        if (threshold < 1 || threshold > 255) {
            throw new IllegalArgumentException("the detection threshold must be a score of 1 to 255, got "
                    + threshold);
        }
        if (refractorySteps < 0) {
            throw new IllegalArgumentException("the refractory period must be at least 0 steps, got "
                    + refractorySteps);
        }
    }
}
