package dev.hark.trainer.floatref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@Fast
class CrnnWeightsTest {

    @Test
    void namesEveryParameterOnceWithItsShape() {
        CrnnConfig c = CrnnConfig.defaults();
        CrnnWeights w = RandomCrnnWeights.of(c, 1);
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

    @Test
    void rejectsMissingOrMisSizedTensorsAndUnknownNames() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(4).build();
        CrnnWeights w = RandomCrnnWeights.of(c, 1);
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
    void getReturnsACopy() {
        CrnnWeights w = RandomCrnnWeights.of(CrnnConfig.builder().optGruHidden(4).build(), 1);
        float[] copy = w.get("fc.w");
        copy[0] += 1;
        assertFalse(copy[0] == w.get("fc.w")[0], "get must return a copy");
    }

    @Test
    void theFingerprintChangesWithOneWeightBitOrTheConfigurationAndNothingElse() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(4).build();
        CrnnWeights w = RandomCrnnWeights.of(c, 1);
        Map<String, float[]> values = new HashMap<>();
        for (String name : w.names()) {
            values.put(name, w.get(name));
        }
        assertEquals(w.fingerprint(), CrnnWeights.of(c, values).fingerprint(), "the same weights, the same print");

        float[] fc = values.get("fc.b");
        fc[1] = Math.nextUp(fc[1]);
        assertNotEquals(w.fingerprint(), CrnnWeights.of(c, values).fingerprint());
        fc[1] = Math.nextDown(fc[1]);

        CrnnConfig strided = CrnnConfig.builder().optGruHidden(4).optStrideTime(c.strideTime() + 1).build();
        assertNotEquals(w.fingerprint(), CrnnWeights.of(strided, values).fingerprint(),
                "the same tensors in another network");
    }
}
