package dev.hark.trainer.eval;

import dev.hark.sim.detect.DetectionSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One listening network on one keyword stream under one state policy, evaluated at any detection threshold: the
 * network listens ({@link Listener}), the detector fires, the detections are matched with the keywords
 * ({@link MatchingRule}). When the policy does not reset on detections the network listens once and every threshold
 * reuses its scores; otherwise each threshold is a listening of its own. Not thread-safe.
 */
public final class StreamEvaluation {
    private final StreamingModel model;
    private final byte[] features;
    private final List<KeywordOccurrence> keywords;
    private final double hours;
    private final StatePolicy policy;
    private final DetectionSettings base;
    private final MatchingRule rule;
    private final Map<Integer, Listening> listenings = new HashMap<>();
    private Listening first;

    /**
     * @param model    the listening network (this evaluation owns it from now on)
     * @param features the stream's feature frames ({@link StreamFeatures})
     * @param keywords where the keywords are
     * @param hours    the stream's length
     * @param policy   how the network's state is treated
     * @param base     the detector's smoothing and refractory period (its threshold is what varies)
     * @param rule     how detections are matched with keywords
     */
    public StreamEvaluation(StreamingModel model, byte[] features, List<KeywordOccurrence> keywords, double hours,
                            StatePolicy policy, DetectionSettings base, MatchingRule rule) {
        if (!(hours > 0)) {
            throw new IllegalArgumentException("stream evaluation: the stream's length must be positive, got "
                    + hours + " h");
        }
        this.model = model;
        this.features = features;
        this.keywords = List.copyOf(keywords);
        this.hours = hours;
        this.policy = policy;
        this.base = base;
        this.rule = rule;
    }

    public StatePolicy policy() {
        return policy;
    }

    /** The keywords of the stream, in time order as given. */
    public List<KeywordOccurrence> keywords() {
        return keywords;
    }

    /** Frames per step of the listening network. */
    public int hopFrames() {
        return model.hopFrames();
    }

    /**
     * This stream under another detector smoothing and refractory period (its threshold still what varies),
     * reusing the scores already heard: the network does not listen again.
     *
     * @throws IllegalStateException if the policy resets the network after detections (the scores depend on
     *                               the detector) or the network has not listened yet
     */
    public StreamEvaluation withDetector(DetectionSettings other) {
        if (policy.dependsOnDetections() || first == null) {
            throw new IllegalStateException("stream evaluation: another detector can only reuse scores heard "
                    + "once with a policy that does not reset on detections");
        }
        StreamEvaluation e = new StreamEvaluation(model, features, keywords, hours, policy, other, rule);
        e.first = first.withSettings(e.settings(1));
        e.listenings.put(1, e.first);
        return e;
    }

    /** The detector's settings at {@code threshold} (1 to 255), smoothing and refractory period as given. */
    public DetectionSettings settings(int threshold) {
        return new DetectionSettings(base.smoothingSteps(), threshold, base.refractorySteps());
    }

    /** The scores and detections at {@code threshold} (1 to 255). */
    public Listening listening(int threshold) {
        return listenings.computeIfAbsent(threshold, t -> {
            if (first != null && !policy.dependsOnDetections()) {
                return first.withSettings(settings(t));
            }
            Listening l = Listener.listen(model, features, policy, settings(t));
            first = first == null ? l : first;
            return l;
        });
    }

    /** The counts at {@code threshold}, 1 to 255, or {@link StreamOutcome#NEVER}. */
    public StreamOutcome at(int threshold) {
        if (threshold == StreamOutcome.NEVER) {
            return new StreamOutcome(StreamOutcome.NEVER, 0, keywords.size(), 0, hours);
        }
        return StreamOutcome.of(threshold, rule.match(listening(threshold).detectionSeconds(), keywords), hours);
    }

    /**
     * The operating point at a false-alarm budget on this stream ({@link FalseAlarmBudget#lowestThreshold}).
     *
     * @param faPerHour the budget, at least 0
     */
    public StreamOutcome atFalseAlarmBudget(double faPerHour) {
        return FalseAlarmBudget.lowestThreshold(this::at, faPerHour, hours);
    }

    /** When each false alarm counted at {@code threshold} (1 to 255) was made, seconds from the stream's start. */
    public double[] falseAlarmSeconds(int threshold) {
        return rule.matchInDetail(listening(threshold).detectionSeconds(), keywords).falseAlarmSeconds();
    }

    /** The thresholds whose detections are known so far, ascending: evaluating them again costs nothing. */
    public int[] thresholdsEvaluated() {
        return listenings.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The outcomes at the given thresholds (1 to 255 or {@link StreamOutcome#NEVER}), in their order. */
    public List<StreamOutcome> curve(int[] thresholds) {
        List<StreamOutcome> points = new ArrayList<>();
        for (int t : thresholds) {
            points.add(at(t));
        }
        return points;
    }
}
