package dev.hark.trainer.floatref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class FloatCrnnTest {
    @Test
    void reportsEveryIntermediateInOrderWithItsSize() {
        CrnnConfig c = CrnnConfig.defaults();
        FloatCrnn reference = new FloatCrnn(RandomCrnnWeights.of(c, 3));
        List<String> names = new ArrayList<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        reference.forward(randomInput(c, 4), (name, values) -> {
            names.add(name);
            Integer previous = sizes.put(name, values.length);
            assertTrue(previous == null || previous == values.length, name + " changed size");
        });

        List<String> expected = new ArrayList<>(List.of("input", "conv"));
        for (int layer = 1; layer <= 2; layer++) {
            for (int t = 0; t < 11; t++) {
                for (String s : List.of("gx_r", "gx_z", "gx_n", "gh_r", "gh_z", "gh_n", "pre_r", "pre_z", "r_hn",
                        "pre_n")) {
                    expected.add("gru" + layer + "." + s);
                }
            }
            expected.add("gru" + layer);
        }
        expected.addAll(List.of("att.energy", "att.score", "context", "logits", "probs"));
        assertEquals(expected, names);

        assertEquals(101 * 40, sizes.get("input"));
        assertEquals(11 * 18 * 8, sizes.get("conv"));
        assertEquals(64, sizes.get("gru1.gx_r"));
        assertEquals(11 * 64, sizes.get("gru2"));
        assertEquals(11 * 64, sizes.get("att.energy"));
        assertEquals(11, sizes.get("att.score"));
        assertEquals(64, sizes.get("context"));
        assertEquals(2, sizes.get("logits"));
    }

    @Test
    void reportedTensorsSatisfyTheGruEquations() {
        CrnnConfig c = CrnnConfig.builder().optAttention(false).optGruLayers(1).build();
        FloatCrnn reference = new FloatCrnn(RandomCrnnWeights.of(c, 5));
        Map<String, List<float[]>> seen = new LinkedHashMap<>();
        float[] logits = reference.forward(randomInput(c, 6),
                (name, values) -> seen.computeIfAbsent(name, k -> new ArrayList<>()).add(values));

        for (int t = 0; t < c.convSteps(); t++) {
            float[] gxR = seen.get("gru1.gx_r").get(t);
            float[] ghR = seen.get("gru1.gh_r").get(t);
            float[] preR = seen.get("gru1.pre_r").get(t);
            float[] ghN = seen.get("gru1.gh_n").get(t);
            float[] rHn = seen.get("gru1.r_hn").get(t);
            float[] gxN = seen.get("gru1.gx_n").get(t);
            float[] preN = seen.get("gru1.pre_n").get(t);
            for (int k = 0; k < c.gruHidden(); k++) {
                assertEquals(gxR[k] + ghR[k], preR[k], 0f);
                assertEquals(gxN[k] + rHn[k], preN[k], 0f);
                double r = 1 / (1 + Math.exp(-preR[k]));
                assertEquals(r * ghN[k], rHn[k], 1e-6 * Math.max(1, Math.abs(ghN[k])));
            }
        }
        float[] sequence = seen.get("gru1").get(0);
        float[] context = seen.get("context").get(0);
        int h = c.gruHidden();
        float[] last = java.util.Arrays.copyOfRange(sequence, sequence.length - h, sequence.length);
        assertArrayEquals(last, context, 0f);
        float[] probs = seen.get("probs").get(0);
        assertEquals(1.0, probs[0] + probs[1], 1e-6);
        assertArrayEquals(logits, seen.get("logits").get(0), 0f);
    }

    @Test
    void rejectsAClipOfTheWrongLength() {
        CrnnConfig c = CrnnConfig.defaults();
        FloatCrnn reference = new FloatCrnn(RandomCrnnWeights.of(c, 1));
        assertThrows(IllegalArgumentException.class, () -> reference.forward(new float[40 * 100]));
    }

    static float[] randomInput(CrnnConfig c, long seed) {
        Random random = new Random(seed);
        float[] x = new float[c.featuresPerClip()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 30f;
        }
        return x;
    }
}
