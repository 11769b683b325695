package dev.hark.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import org.junit.jupiter.api.Test;

@Fast
class CrnnBlockWeightsTest {

    /** Fills DJL's stacked GRU tensors with their own flat index and checks where each gate's rows land. */
    @Test
    void splitsTheStackedGruTensorsInGateOrderRZN() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(4).optGruLayers(1).optConvChannels(1).build();
        try (Model model = CrnnModels.newModel(c, 1)) {
            Parameter wIh = model.getBlock().getParameters().get("02gru_l_0_i2h_WEIGHT");
            Parameter bHh = model.getBlock().getParameters().get("02gru_l_0_h2h_BIAS");
            wIh.getArray().set(indexRamp((int) wIh.getArray().size()));
            bHh.getArray().set(indexRamp((int) bHh.getArray().size()));
            CrnnWeights w = CrnnBlockWeights.read(model, c);
            int in = c.gruInputSize();
            assertEquals(0f, w.get("gru1.w_ih_r")[0]);
            assertEquals(4 * in, w.get("gru1.w_ih_z")[0]);
            assertEquals(8 * in + in + 2, w.get("gru1.w_ih_n")[in + 2]);
            assertArrayEquals(new float[] {8, 9, 10, 11}, w.get("gru1.b_hh_n"));
        }
    }

    @Test
    void refusesABlockBuiltForAnotherConfig() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(4).build();
        CrnnConfig other = c.toBuilder().optGruHidden(5).build();
        try (Model model = CrnnModels.newModel(c, 1)) {
            assertThrows(IllegalArgumentException.class, () -> CrnnBlockWeights.read(model, other));
            assertThrows(IllegalArgumentException.class,
                    () -> CrnnBlockWeights.write(model.getBlock(), RandomCrnnWeights.of(other, 1)));
        }
    }

    private static float[] indexRamp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }
}
