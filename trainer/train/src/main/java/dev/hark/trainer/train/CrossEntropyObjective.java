package dev.hark.trainer.train;

import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain supervised training: softmax cross-entropy against the class labels, optionally class-weighted
 * ({@link WeightedSoftmaxCrossEntropyLoss}).
 */
public final class CrossEntropyObjective implements TrainingObjective {
    private final Loss loss;
    private final float[] classWeights;

    private CrossEntropyObjective(Loss loss, float[] classWeights) {
        this.loss = loss;
        this.classWeights = classWeights;
    }

    /** Unweighted cross-entropy (DJL's {@code SoftmaxCrossEntropyLoss}). */
    public static CrossEntropyObjective plain() {
        return new CrossEntropyObjective(Loss.softmaxCrossEntropyLoss(), null);
    }

    /** Cross-entropy weighted so that each class of {@code train} counts as much in total. */
    public static CrossEntropyObjective balanced(TrainingFeatures train, int classes) {
        float[] w = WeightedSoftmaxCrossEntropyLoss.balancedWeights(countPerClass(train, classes));
        return new CrossEntropyObjective(new WeightedSoftmaxCrossEntropyLoss(w), w);
    }

    /** {@link #balanced} or {@link #plain}, as {@link TrainingOptions#balanceClasses()} says. */
    public static CrossEntropyObjective of(TrainingOptions options, TrainingFeatures train, int classes) {
        return options.balanceClasses() ? balanced(train, classes) : plain();
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kind", "cross-entropy");
        s.put("classWeights", classWeights == null ? "none" : Arrays.toString(classWeights));
        return s;
    }

    /**
     * Clips per class.
     *
     * @throws IllegalArgumentException if a label is outside {@code [0, classes)}
     */
    public static long[] countPerClass(TrainingFeatures clips, int classes) {
        long[] counts = new long[classes];
        for (int i = 0; i < clips.size(); i++) {
            int label = clips.label(i);
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
            }
            counts[label]++;
        }
        return counts;
    }
}
