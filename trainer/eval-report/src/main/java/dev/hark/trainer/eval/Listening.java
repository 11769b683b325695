package dev.hark.trainer.eval;

import dev.hark.sim.detect.Detection;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.detect.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a network and its detector made of a stream: one keyword score per step and the detections.
 *
 * @param scores        per step, the keyword score, 0 to 255 ({@code KeywordScore})
 * @param stepEndFrames per step, the stream's frame (0-based) whose arrival completed the step
 * @param policy        how the network's state was treated
 * @param settings      the detector's settings
 * @param detections    the detector's detections; {@link Detection#step()} indexes {@code scores}
 */
public record Listening(int[] scores, long[] stepEndFrames, StatePolicy policy, DetectionSettings settings,
                        List<Detection> detections) {
    public Listening {
        if (scores.length != stepEndFrames.length) {
            throw new IllegalArgumentException("listening: " + scores.length + " scores but "
                    + stepEndFrames.length + " step times");
        }
        detections = List.copyOf(detections);
    }

    public int steps() {
        return scores.length;
    }

    /** When step {@code step} happened, in seconds from the stream's start ({@link StreamTime}). */
    public double stepSecond(int step) {
        return StreamTime.frameCompleteSecond(stepEndFrames[step]);
    }

    /** When each detection was made, in time order. */
    public double[] detectionSeconds() {
        return detections.stream().mapToDouble(d -> stepSecond((int) d.step())).toArray();
    }

    /**
     * The same scores under other detection settings, without running the network again.
     *
     * @throws IllegalStateException if the policy resets the network after detections: then the scores
     *                               themselves depend on the settings
     */
    public Listening withSettings(DetectionSettings other) {
        if (policy.dependsOnDetections()) {
            throw new IllegalStateException("listening: with '" + policy.describe() + "' the scores depend on "
                    + "the detections; listen again with the new settings");
        }
        return new Listening(scores, stepEndFrames, policy, other, detect(scores, other));
    }

    /** The detector's detections of a score sequence: the one place the detection rule is applied offline. */
    static List<Detection> detect(int[] scores, DetectionSettings settings) {
        Detector detector = new Detector(settings);
        List<Detection> out = new ArrayList<>();
        for (int p : scores) {
            Optional<Detection> d = detector.push(p);
            d.ifPresent(out::add);
        }
        return out;
    }
}
