package dev.hark.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.hark.testing.Fast;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@Fast
class CrnnBlockTest {

    @Test
    void baselineModelHas70443Parameters() {
        try (Model model = CrnnModels.newModel(CrnnConfig.defaults(), 1)) {
            assertEquals(70_443, countParameters(model));
        }
    }

    @Test
    void parameterCountFollowsTheConfig() {
        CrnnConfig[] configs = {
            CrnnConfig.builder().optAttention(false).build(),
            CrnnConfig.builder().optStrideTime(6).optGruHidden(16).optGruLayers(1).optConvChannels(2).build(),
            CrnnConfig.builder().optGruLayers(3).optClasses(3).build(),
        };
        for (CrnnConfig c : configs) {
            try (Model model = CrnnModels.newModel(c, 1)) {
                assertEquals(c.parameterCount(), countParameters(model), c.toString());
            }
        }
    }

    @Test
    void mapsABatchOfClipsToLogits() {
        CrnnConfig c = CrnnConfig.defaults();
        try (Model model = CrnnModels.newModel(c, 1)) {
            NDManager m = model.getNDManager();
            NDArray x = m.randomUniform(0, 30, new Shape(3, c.frames(), c.mels()));
            NDArray logits = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow();
            assertEquals(new Shape(3, 2), logits.getShape());
            assertArrayEquals(model.getBlock().getOutputShapes(new Shape[] {x.getShape()}),
                    new Shape[] {new Shape(3, 2)});
        }
    }

    @Test
    void theSameSeedGivesTheSameParameters() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(8).build();
        try (Model a = CrnnModels.newModel(c, 7); Model b = CrnnModels.newModel(c, 7);
             Model other = CrnnModels.newModel(c, 8)) {
            assertArrayEquals(flat(a), flat(b));
            assertFalse(Arrays.equals(flat(a), flat(other)));
        }
    }

    @Test
    void builderRequiresAConfig() {
        assertThrows(IllegalArgumentException.class, () -> CrnnBlock.builder().build());
    }

    static long countParameters(Model model) {
        long n = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    private static float[] flat(Model model) {
        float[][] parts = model.getBlock().getParameters().values().stream()
                .map(p -> p.getArray().toFloatArray()).toArray(float[][]::new);
        int total = Arrays.stream(parts).mapToInt(a -> a.length).sum();
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
