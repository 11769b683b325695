package dev.hark.trainer.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.DjlRuntime;
import dev.hark.trainer.model.FreedDirectBuffers;
import org.junit.jupiter.api.Test;

@Fast
class DistillationLossTest {
    private static final float[] STUDENT = {1.0f, -0.5f, 0.2f, 0.9f, -2f, 3f};
    private static final float[] TEACHER = {2.0f, -1.0f, -0.3f, 0.4f, -1f, 1.5f};
    private static final long[] LABELS = {0, 1, 1};

    @Test
    void matchesTheFormulaComputedByHand() {
        float t = 3f;
        float alpha = 0.6f;
        float beta = 0.4f;
        double expectedKl = 0;
        double expectedCe = 0;
        for (int i = 0; i < 3; i++) {
            double[] pt = softmax(TEACHER[2 * i] / t, TEACHER[2 * i + 1] / t);
            double[] ps = softmax(STUDENT[2 * i] / t, STUDENT[2 * i + 1] / t);
            for (int c = 0; c < 2; c++) {
                expectedKl += pt[c] * (Math.log(pt[c]) - Math.log(ps[c]));
            }
            expectedCe -= Math.log(softmax(STUDENT[2 * i], STUDENT[2 * i + 1])[(int) LABELS[i]]);
        }
        double expected = alpha * t * t * expectedKl / 3 + beta * expectedCe / 3;
        assertEquals(expected, evaluate(new DistillationOptions(t, alpha, beta), TEACHER), 1e-5);
    }

    @Test
    void theSoftTermVanishesWhenTheStudentMatchesTheTeacher() {
        double hardOnly = evaluate(new DistillationOptions(2f, 0f, 1f), STUDENT);
        assertEquals(hardOnly, evaluate(new DistillationOptions(2f, 5f, 1f), STUDENT), 1e-6);
    }

    @Test
    void refusesLabelsWithoutTeacherLogits() {
        DjlRuntime.engine();
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
            DistillationLoss loss = new DistillationLoss(DistillationOptions.defaults(),
                    Loss.softmaxCrossEntropyLoss());
            assertThrows(IllegalArgumentException.class, () -> loss.evaluate(new NDList(m.create(LABELS)),
                    new NDList(m.create(STUDENT, new Shape(3, 2)))));
        }
        assertThrows(IllegalArgumentException.class, () -> new DistillationOptions(0f, 1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new DistillationOptions(2f, 0f, 0f));
    }

    @Test
    void itsGradientIsTheSameWhenTheGarbageCollectorRunsBeforeTheBackwardPass() throws InterruptedException {
        // The loss divides by T and multiplies by alpha T^2 and beta, and autograd keeps those constants for the
        // backward pass; a garbage collection in between must not change the gradient.
        float[] undisturbed = studentGradient(false);
        float[] collected = studentGradient(true);
        assertArrayEquals(undisturbed, collected);
    }

    private static float[] studentGradient(boolean collectGarbageBeforeBackward) throws InterruptedException {
        DjlRuntime.engine();
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
            DistillationLoss loss = new DistillationLoss(new DistillationOptions(3f, 0.6f, 0.4f),
                    Loss.softmaxCrossEntropyLoss());
            NDArray student = m.create(STUDENT, new Shape(3, 2)).duplicate();
            student.setRequiresGradient(true);
            try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                NDArray value = loss.evaluate(new NDList(m.create(LABELS), m.create(TEACHER, new Shape(3, 2))),
                        new NDList(student));
                if (collectGarbageBeforeBackward) {
                    FreedDirectBuffers.freeAndReuse();
                }
                collector.backward(value);
            }
            return student.getGradient().toFloatArray();
        }
    }

    private static double evaluate(DistillationOptions options, float[] teacher) {
        DjlRuntime.engine();
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
            DistillationLoss loss = new DistillationLoss(options, Loss.softmaxCrossEntropyLoss());
            NDArray value = loss.evaluate(new NDList(m.create(LABELS), m.create(teacher, new Shape(3, 2))),
                    new NDList(m.create(STUDENT, new Shape(3, 2))));
            return value.getFloat();
        }
    }

    private static double[] softmax(double a, double b) {
        double max = Math.max(a, b);
        double ea = Math.exp(a - max);
        double eb = Math.exp(b - max);
        return new double[] {ea / (ea + eb), eb / (ea + eb)};
    }
}
