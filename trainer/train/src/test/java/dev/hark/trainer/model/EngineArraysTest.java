package dev.hark.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class EngineArraysTest {
    private static final float[] VALUES = {1.5f, -0.0f, Float.MIN_VALUE, -3.25e-7f, 7f, Float.MAX_VALUE};

    @Test
    void overwriteCopiesIntoTheArraysOwnStorage() {
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray target = manager.zeros(new Shape(2, 3));
            // A view shares the target's storage: it sees the new values only if they were written there,
            // not if the target was pointed at other memory.
            NDArray firstRow = target.get(new NDIndex("0"));
            EngineArrays.overwrite(target, VALUES);
            assertArrayEquals(bits(VALUES), bits(target.toFloatArray()));
            assertArrayEquals(bits(new float[] {VALUES[0], VALUES[1], VALUES[2]}), bits(firstRow.toFloatArray()));
            assertEquals(new Shape(2, 3), target.getShape());
        }
    }

    @Test
    void overwriteRefusesAnotherSize() {
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray target = manager.zeros(new Shape(4));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EngineArrays.overwrite(target, VALUES));
            assertEquals("overwrite: 6 values for (4) (4)", e.getMessage());
        }
    }

    @Test
    void ownedHoldsTheValuesExactly() {
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray owned = EngineArrays.owned(manager, VALUES, new Shape(3, 2));
            assertEquals(new Shape(3, 2), owned.getShape());
            assertArrayEquals(bits(VALUES), bits(owned.toFloatArray()));
        }
    }

    @Test
    void aScalarHoldsTheValueWithoutDimensions() {
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scalar = EngineArrays.scalar(manager, -3.25e-7f);
            assertEquals(new Shape(), scalar.getShape());
            assertEquals(Float.floatToRawIntBits(-3.25e-7f), Float.floatToRawIntBits(scalar.getFloat()));
        }
    }

    @Test
    void aScalarFactorOutlivesAGarbageCollectionBeforeTheBackwardPass() throws InterruptedException {
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.zeros(new Shape(2));
            x.setRequiresGradient(true);
            try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                NDArray y = x.mul(EngineArrays.scalar(manager, 3f)).div(EngineArrays.scalar(manager, 0.5f)).sum();
                // Autograd kept both constants for the gradient; with x.mul(3f).div(0.5f) this reads freed memory.
                FreedDirectBuffers.freeAndReuse();
                collector.backward(y);
            }
            assertArrayEquals(new float[] {6f, 6f}, x.getGradient().toFloatArray());
        }
    }

    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }
}
