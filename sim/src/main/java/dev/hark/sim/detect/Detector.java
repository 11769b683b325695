package dev.hark.sim.detect;

import java.util.Arrays;
import java.util.Optional;

/**
 * Turns keyword scores ({@code KeywordScore}), one per network step, into detections: a moving sum over the last
 * {@link DetectionSettings#smoothingSteps()} scores compared with {@code threshold * smoothingSteps} (so the
 * mean is compared exactly, without a division), and a refractory period after each detection. The firmware's
 * {@code hark_detector} ({@code hark-kws/Include/hark_detector.h}) does the same integer steps.
 */
public final class Detector {
    private final DetectionSettings settings;
    private final int[] history;
    private int nextSlot;
    private int sum;
    private long step;
    private long quietUntil;

    public Detector(DetectionSettings settings) {
        this.settings = settings;
        this.history = new int[settings.smoothingSteps()];
    }

    public DetectionSettings settings() {
        return settings;
    }

    /** Forgets every score, as at the start of a stream. */
    public void reset() {
        Arrays.fill(history, 0);
        nextSlot = 0;
        sum = 0;
        step = 0;
        quietUntil = 0;
    }

    /**
     * The smoothed score after the last {@link #push}: the mean of the last {@code smoothingSteps} scores
     * (steps before the stream began count as 0), rounded down, 0 to 255; a detection reports this score.
     */
    public int smoothedScore() {
        return sum / history.length;
    }

    /**
     * Takes the next step's keyword score.
     *
     * @param score the step's keyword score, 0 to 255
     * @return the detection this step makes, if any
     * @throws IllegalArgumentException if the score is outside 0 to 255
     */
    public Optional<Detection> push(int score) {
        if (score < 0 || score > 255) {
            throw new IllegalArgumentException("a keyword score is 0 to 255, got " + score);
        }
        sum += score - history[nextSlot];
        history[nextSlot] = score;
        nextSlot = nextSlot + 1 == history.length ? 0 : nextSlot + 1;
        long current = step++;
        if (current < quietUntil || sum < settings.threshold() * history.length) {
            return Optional.empty();
        }
        quietUntil = current + 1 + settings.refractorySteps();
        return Optional.of(new Detection(current, smoothedScore()));
    }
}
