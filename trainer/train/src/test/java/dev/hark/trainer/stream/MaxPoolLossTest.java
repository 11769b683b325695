package dev.hark.trainer.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.DjlRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The max-pooling loss on hand-made logits: its value is the keyword windows' best steps and the negatives' worst,
 * its gradient reaches only those steps, and left-out steps and cut windows count as the loss says.
 */
@Fast
class MaxPoolLossTest {
    private static final int K = StepTargets.KEYWORD;
    private static final int O = StepTargets.OTHER;
    private static final int I = StepTargets.IGNORED;

    @Test
    void keywordWindowsAreTheRunsOfKeywordStepsCutAtTheStretch() {
        int[] labels = {O, K, K, I, K, O, K, K, K, O};
        List<int[]> all = StreamFineTuner.keywordWindows(labels, 0, labels.length);
        assertEquals(3, all.size());
        assertArrayEquals(new int[] {1, 3}, all.get(0));
        assertArrayEquals(new int[] {4, 5}, all.get(1));
        assertArrayEquals(new int[] {6, 9}, all.get(2));
        List<int[]> cut = StreamFineTuner.keywordWindows(labels, 2, 8);
        assertEquals(3, cut.size());
        assertArrayEquals(new int[] {2, 3}, cut.get(0));
        assertArrayEquals(new int[] {6, 8}, cut.get(2));
    }

    @Test
    void costsEachWindowsBestStepAndEachSequencesWorstNegativeOnly() {
        // Keyword logit minus other logit per step; the other logit is 0, so p(keyword) = sigmoid(d).
        float[][] d = {{-2, 1, 3, 0.5f, 4, -1}, {0.5f, -3, -0.5f, 2, -4, -2}};
        int[][] labels = {{O, K, K, I, I, O}, {O, O, O, I, K, K}};
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray logits = logits(m, d);
            logits.setRequiresGradient(true);
            NDArray loss;
            try (GradientCollector c = Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
                loss = StreamFineTuner.maxPoolLoss(logits, sequences(labels), 0, 6, m);
                c.backward(loss);
            }
            // windows: sequence 0 steps 1-2 (best 3), sequence 1 steps 4-5 (best -2);
            // negatives: sequence 0 steps 0 and 5 (worst -1), sequence 1 steps 0-2 (worst 0.5)
            double expected = (-logSigmoid(3) - logSigmoid(-2)) / 2 + (-logSigmoid(1) - logSigmoid(-0.5)) / 2;
            assertEquals(expected, loss.getFloat(), 1e-5);
            float[] gradient = logits.getGradient().toFloatArray(); // [2][6][2]
            boolean[][] reached = {{false, false, true, false, false, true}, {true, false, false, false, false, true}};
            for (int i = 0; i < 2; i++) {
                for (int s = 0; s < 6; s++) {
                    float g = gradient[(i * 6 + s) * 2 + K];
                    assertEquals(reached[i][s], g != 0, "sequence " + i + " step " + s + ": gradient " + g);
                }
            }
        }
    }

    @Test
    void aStretchOfIgnoredStepsOnlyHasNoLoss() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray logits = logits(m, new float[][] {{1, 2, 3}});
            assertNull(StreamFineTuner.maxPoolLoss(logits, sequences(new int[][] {{O, I, I, I, O}}), 1, 4, m));
        }
    }

    private static NDArray logits(NDManager m, float[][] d) {
        int steps = d[0].length;
        float[] x = new float[d.length * steps * 2];
        for (int i = 0; i < d.length; i++) {
            for (int s = 0; s < steps; s++) {
                x[(i * steps + s) * 2 + K] = d[i][s];
            }
        }
        return m.create(x, new Shape(d.length, steps, 2));
    }

    private static List<StreamSequence> sequences(int[][] labels) {
        return java.util.Arrays.stream(labels).map(l -> new StreamSequence(new byte[0], l)).toList();
    }

    private static double logSigmoid(double x) {
        return -Math.log1p(Math.exp(-x));
    }
}
