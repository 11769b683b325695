package dev.hark.test;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.sim.net.Trace;
import java.util.List;

/**
 * What the simulator's listener heard in some PCM, in the order it happened; the firmware must hear exactly this
 * ({@link Firmware#listen(Listening)}).
 *
 * @param pcm        the 16 kHz samples
 * @param settings   the detector's settings
 * @param frames     every feature frame, 40 int8 codes each
 * @param steps      every network step's traced tensors (the class probabilities last)
 * @param scores     every step's keyword score, 0 to 255, which the detector reads
 * @param detections every detection
 */
public record Listening(short[] pcm, DetectionSettings settings, List<byte[]> frames, List<Trace> steps,
                        List<Integer> scores, List<KeywordEvent> detections) {
    public Listening {
        frames = List.copyOf(frames);
        steps = List.copyOf(steps);
        scores = List.copyOf(scores);
        detections = List.copyOf(detections);
    }

    /** The audio's length. */
    public double seconds() {
        return pcm.length / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }
}
