package dev.hark.trainer.eval;

import dev.hark.sim.detect.Detection;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.detect.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a network and its detector made of a stream: one keyword posterior per step and the detections.
 *
 * @param posteriors    per step, 0 to 255 ({@link KeywordPosterior})
 * @param stepEndFrames per step, the stream's frame (0-based) whose arrival completed the step
 * @param policy        how the network's state was treated
 * @param settings      the detector's settings
 * @param detections    the detector's detections; {@link Detection#step()} indexes {@code posteriors}
 */
public record Listening(int[] posteriors, long[] stepEndFrames, StatePolicy policy, DetectionSettings settings,
                        List<Detection> detections) {
    public Listening {
        if (posteriors.length != stepEndFrames.length) {
            throw new IllegalArgumentException("listening: " + posteriors.length + " posteriors but "
                    + stepEndFrames.length + " step times");
        }
        detections = List.copyOf(detections);
    }

    public int steps() {
        return posteriors.length;
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
     * The same posteriors under other detection settings, without running the network again.
     *
     * @throws IllegalStateException if the policy resets the network after detections: then the posteriors
     *                               themselves depend on the settings
     */
    public Listening withSettings(DetectionSettings other) {
        if (policy.dependsOnDetections()) {
            throw new IllegalStateException("listening: with '" + policy.describe() + "' the posteriors depend on "
                    + "the detections; listen again with the new settings");
        }
        return new Listening(posteriors, stepEndFrames, policy, other, detect(posteriors, other));
    }

    /** The detector's detections of a posterior sequence: the one place the detection rule is applied offline. */
    static List<Detection> detect(int[] posteriors, DetectionSettings settings) {
        Detector detector = new Detector(settings);
        List<Detection> out = new ArrayList<>();
        for (int p : posteriors) {
            Optional<Detection> d = detector.push(p);
            d.ifPresent(out::add);
        }
        return out;
    }
}
