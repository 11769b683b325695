package dev.hark.pipeline.listen;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;

/**
 * How a model listens to a stream: the steps its attention pools over and how its scores become detections,
 * kept together so that whatever listens takes one value and changes one setting at a time.
 *
 * @param attentionWindow steps the attention pools over, at least 1 (without attention it means nothing)
 * @param detection       the detector's smoothing, threshold and refractory period, in steps
 */
public record ListeningSettings(int attentionWindow, DetectionSettings detection) {
    public ListeningSettings {
        if (attentionWindow < 1) {
            throw new IllegalArgumentException("the attention window must be at least 1 step, got "
                    + attentionWindow);
        }
        if (detection == null) {
            throw new IllegalArgumentException("detection settings must not be null");
        }
    }

    /**
     * How the model's firmware listens: {@link Lowering#defaultAttentionWindow} and the model's detector
     * ({@link QuantizedModel#detector()}: the one chosen for it, else {@link DetectionSettings#DEFAULT}).
     */
    public static ListeningSettings defaults(QuantizedModel model) {
        return new ListeningSettings(Lowering.defaultAttentionWindow(model), model.detector());
    }

    public ListeningSettings withAttentionWindow(int steps) {
        return new ListeningSettings(steps, detection);
    }

    public ListeningSettings withSmoothingSteps(int steps) {
        return new ListeningSettings(attentionWindow, new DetectionSettings(steps, detection.threshold(),
                detection.refractorySteps()));
    }

    public ListeningSettings withThreshold(int threshold) {
        return new ListeningSettings(attentionWindow, new DetectionSettings(detection.smoothingSteps(), threshold,
                detection.refractorySteps()));
    }

    public ListeningSettings withRefractorySteps(int steps) {
        return new ListeningSettings(attentionWindow, new DetectionSettings(detection.smoothingSteps(),
                detection.threshold(), steps));
    }
}
