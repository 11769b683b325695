package dev.hark.trainer.eval;

import dev.hark.sim.detect.Detection;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.detect.Detector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Plays a stream's feature frames into a {@link StreamingModel} one at a time, feeds every step's score to a
 * {@link Detector} as it comes, and resets the network as the {@link StatePolicy} says, as a device would. The
 * detector is not reset with the network: its smoothing and refractory period run on the device's clock.
 */
public final class Listener {
    private Listener() {
    }

    /**
     * @param model    a network at the start of the stream (it is reset first)
     * @param features the stream's frames, {@code [frame][model.frameSize()]} ({@link StreamFeatures})
     * @param policy   when to reset the network
     * @param settings the detector's settings
     * @throws IllegalArgumentException if the features are not whole frames
     */
    public static Listening listen(StreamingModel model, byte[] features, StatePolicy policy,
                                   DetectionSettings settings) {
        int frameSize = model.frameSize();
        if (features.length % frameSize != 0) {
            throw new IllegalArgumentException("listening: " + features.length + " feature codes are not whole "
                    + "frames of " + frameSize);
        }
        long frames = features.length / frameSize;
        int capacity = (int) (frames / model.hopFrames() + 1);
        int[] scores = new int[capacity];
        long[] stepEnds = new long[capacity];
        int steps = 0;
        List<Detection> detections = new ArrayList<>();
        Detector detector = new Detector(settings);
        long resetEvery = policy.resetEveryFrames();
        byte[] frame = new byte[frameSize];
        model.reset();
        for (long f = 0; f < frames; f++) {
            if (resetEvery > 0 && f > 0 && f % resetEvery == 0) {
                model.reset();
            }
            System.arraycopy(features, (int) (f * frameSize), frame, 0, frameSize);
            OptionalInt score = model.pushFrame(frame);
            if (score.isEmpty()) {
                continue;
            }
            scores[steps] = score.getAsInt();
            stepEnds[steps] = f;
            steps++;
            Optional<Detection> detection = detector.push(score.getAsInt());
            if (detection.isPresent()) {
                detections.add(detection.get());
                if (policy.resetAfterDetection()) {
                    model.reset();
                }
            }
        }
        return new Listening(Arrays.copyOf(scores, steps), Arrays.copyOf(stepEnds, steps),
                policy, settings, detections);
    }
}
