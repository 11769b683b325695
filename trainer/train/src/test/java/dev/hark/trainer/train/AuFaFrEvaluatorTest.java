package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.DjlRuntime;
import org.junit.jupiter.api.Test;

@Fast
class AuFaFrEvaluatorTest {

    /** Keyword logit minus other logit: -2.2 (other), -0.4 (keyword) | 0.4 (other), 1.4 (keyword). */
    @Test
    void accumulatesTheWholeSetAcrossBatches() {
        AuFaFrEvaluator evaluator = new AuFaFrEvaluator();
        evaluator.addAccumulator("dev");
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            evaluator.updateAccumulator("dev", new NDList(m.create(new long[] {0, 1})),
                    new NDList(m.create(new float[] {1.1f, -1.1f, 0.2f, -0.2f}, new Shape(2, 2))));
            assertFalse(Float.isNaN(evaluator.getAccumulator("dev")), "one clip of each class has an area");
            evaluator.updateAccumulator("dev", new NDList(m.create(new long[] {0, 1})),
                    new NDList(m.create(new float[] {-0.2f, 0.2f, -0.7f, 0.7f}, new Shape(2, 2))));
        }
        // Same order as MetricsTest.handMadeCurve: other 0.1, keyword 0.4, other 0.6, keyword 0.8 -> 0.25.
        assertEquals(0.25, evaluator.getAccumulator("dev"), 1e-6);
        evaluator.resetAccumulator("dev");
        assertTrue(Float.isNaN(evaluator.getAccumulator("dev")), "an empty accumulator has no area");
    }

    @Test
    void aBatchWithOneClassHasNoArea() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            float area = new AuFaFrEvaluator().evaluate(new NDList(m.create(new long[] {1, 1})),
                    new NDList(m.create(new float[] {0f, 1f, 1f, 0f}, new Shape(2, 2)))).getFloat();
            assertTrue(Float.isNaN(area));
        }
    }
}
