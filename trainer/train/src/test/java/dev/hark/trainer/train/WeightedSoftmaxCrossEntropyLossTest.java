package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.DjlRuntime;
import org.junit.jupiter.api.Test;

@Fast
class WeightedSoftmaxCrossEntropyLossTest {
    private static final float[] LOGITS = {2f, 0f, 0f, 1f, -1f, 3f};
    private static final long[] LABELS = {0, 1, 1};

    @Test
    void equalWeightsGiveDjlsSoftmaxCrossEntropy() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDList logits = new NDList(m.create(LOGITS, new Shape(3, 2)));
            NDList labels = new NDList(m.create(LABELS));
            float djl = Loss.softmaxCrossEntropyLoss().evaluate(labels, logits).getFloat();
            float ours = new WeightedSoftmaxCrossEntropyLoss(1f, 1f).evaluate(labels, logits).getFloat();
            assertEquals(djl, ours, 1e-6);
        }
    }

    /** Per clip: -log softmax = log(1 + e^-2), log(1 + e^-1), log(1 + e^-4); weights 1, 3, 3. */
    @Test
    void weightsEachClipByItsClass() {
        double expected = (Math.log1p(Math.exp(-2)) + 3 * Math.log1p(Math.exp(-1)) + 3 * Math.log1p(Math.exp(-4)))
                / 7;
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            float loss = new WeightedSoftmaxCrossEntropyLoss(1f, 3f).evaluate(new NDList(m.create(LABELS)),
                    new NDList(m.create(LOGITS, new Shape(3, 2)))).getFloat();
            assertEquals(expected, loss, 1e-6);
        }
    }

    @Test
    void balancedWeightsEqualizeTheClassTotals() {
        assertArrayEquals(new float[] {0.625f, 2.5f}, WeightedSoftmaxCrossEntropyLoss.balancedWeights(
                new long[] {80, 20}), 1e-6f);
        assertArrayEquals(new float[] {1f, 0.5f}, WeightedSoftmaxCrossEntropyLoss.balancedWeights(
                new long[] {0, 10}), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new WeightedSoftmaxCrossEntropyLoss(1f, 0f));
    }
}
