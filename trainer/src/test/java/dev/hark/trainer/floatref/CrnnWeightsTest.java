package dev.hark.trainer.floatref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrnnWeightsTest {

    @Test
    void namesEveryParameterOnceWithItsShape() {
        CrnnConfig c = CrnnConfig.defaults();
        CrnnWeights w = FloatCrnnTest.randomWeights(c, 1);
        long total = 0;
        for (String name : w.names()) {
            total += w.get(name).length;
        }
        assertEquals(70_443, total);
        assertArrayEquals(new int[] {8, 20, 5, 1}, w.shape("conv.weight"));
        assertArrayEquals(new int[] {64, 144}, w.shape("gru1.w_ih_z"));
        assertArrayEquals(new int[] {64, 64}, w.shape("gru2.w_ih_n"));
        assertArrayEquals(new int[] {1, 64}, w.shape("att.w2"));
        assertArrayEquals(new int[] {2, 64}, w.shape("fc.w"));
    }

    /** Fills DJL's stacked GRU tensors with their own flat index and checks where each gate's rows land. */
    @Test
    void splitsTheStackedGruTensorsInGateOrderRZN() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(4).optGruLayers(1).optConvChannels(1).build();
        try (Model model = CrnnModels.newModel(c, 1)) {
            Parameter wIh = model.getBlock().getParameters().get("02gru_l_0_i2h_WEIGHT");
            Parameter bHh = model.getBlock().getParameters().get("02gru_l_0_h2h_BIAS");
            wIh.getArray().set(indexRamp((int) wIh.getArray().size()));
            bHh.getArray().set(indexRamp((int) bHh.getArray().size()));
            CrnnWeights w = CrnnWeights.fromDjl(model, c);
            int in = c.gruInputSize();
            assertEquals(0f, w.get("gru1.w_ih_r")[0]);
            assertEquals(4 * in, w.get("gru1.w_ih_z")[0]);
            assertEquals(8 * in + in + 2, w.get("gru1.w_ih_n")[in + 2]);
            assertArrayEquals(new float[] {8, 9, 10, 11}, w.get("gru1.b_hh_n"));
        }
    }

    @Test
    void rejectsMissingOrMisSizedTensorsAndUnknownNames() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(4).build();
        CrnnWeights w = FloatCrnnTest.randomWeights(c, 1);
        Map<String, float[]> values = new HashMap<>();
        for (String name : w.names()) {
            values.put(name, w.get(name));
        }
        assertEquals(w.names().size(), CrnnWeights.of(c, values).names().size());

        values.put("fc.b", new float[3]);
        assertThrows(IllegalArgumentException.class, () -> CrnnWeights.of(c, values));
        values.remove("fc.b");
        assertThrows(IllegalArgumentException.class, () -> CrnnWeights.of(c, values));
        assertThrows(IllegalArgumentException.class, () -> w.get("fc.weight"));
    }

    @Test
    void refusesABlockBuiltForAnotherConfig() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(4).build();
        try (Model model = CrnnModels.newModel(c, 1)) {
            assertThrows(IllegalArgumentException.class,
                    () -> CrnnWeights.fromDjl(model, c.toBuilder().optGruHidden(5).build()));
        }
        CrnnWeights w = FloatCrnnTest.randomWeights(c, 1);
        float[] copy = w.get("fc.w");
        copy[0] += 1;
        assertFalse(copy[0] == w.get("fc.w")[0], "get must return a copy");
    }

    private static float[] indexRamp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }
}
