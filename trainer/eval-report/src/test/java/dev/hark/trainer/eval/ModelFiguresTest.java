package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFiguresTest {
    @Test
    void teacherMatchesThePublishedFigures() {
        ModelFigures f = ModelFigures.of(CrnnConfig.defaults());
        assertEquals(70_443, f.parameters());
        assertEquals(4 * 70_443, f.float32Bytes());
        // Published: "about 0.93 M multiply-accumulates per 1-second clip".
        assertTrue(f.macsPerSecond() > 925_000 && f.macsPerSecond() < 935_000, "MACs " + f.macsPerSecond());
        assertFalse(f.int8Measured());
    }

    @Test
    void macBreakdownOfTheTeacher() {
        MacCount m = MacCount.of(CrnnConfig.defaults());
        // 11 steps x 18 mel positions x 8 channels x 20 x 5 taps.
        assertEquals(158_400, m.conv());
        // 11 steps x 3 x 64 x ((144 + 64) + (64 + 64)).
        assertEquals(11L * 3 * 64 * (208 + 128), m.gruProjections());
        assertEquals(11L * 2 * 13 * 64, m.gruElementwise());
        assertEquals(11L * 64 * 64 + 2 * 11 * 64, m.attention());
        assertEquals(128, m.classifier());
        assertEquals(m.matrixMacs() + m.gruElementwise(), m.total());
    }

    @Test
    void publishedSmallestStudent() {
        CrnnConfig student = CrnnConfig.builder().optConvChannels(2).optStrideTime(6).optGruHidden(16)
                .optGruLayers(1).build();
        ModelFigures s = ModelFigures.of(student);
        ModelFigures t = ModelFigures.of(CrnnConfig.defaults());
        assertEquals(3_117, s.parameters());
        // The published student has about 10x fewer MACs than the teacher.
        assertTrue(s.macReduction(t) > 9.5 && s.macReduction(t) < 10.5, "ratio " + s.macReduction(t));
        assertTrue(s.int8VersusFloatReduction(t) > 20, "ratio " + s.int8VersusFloatReduction(t));
    }

    @Test
    void withoutAttentionTheAttentionCostsNothing() {
        CrnnConfig noAtt = CrnnConfig.builder().optAttention(false).build();
        assertEquals(0, MacCount.of(noAtt).attention());
        assertTrue(Int8Bytes.estimate(noAtt) < Int8Bytes.estimate(CrnnConfig.defaults()));
    }

    @Test
    void int8EstimateEqualsTheBytesOfAnActualQuantizedModel() {
        for (CrnnConfig config : List.of(CrnnConfig.defaults(),
                CrnnConfig.builder().optConvChannels(3).optStrideTime(6).optGruHidden(16).optGruLayers(1).build(),
                CrnnConfig.builder().optGruHidden(24).optAttention(false).build())) {
            QuantizedModel model = TestModels.quantized(config);
            ModelFigures measured = ModelFigures.of(config, model);
            assertTrue(measured.int8Measured());
            assertEquals(Int8Bytes.estimate(config), measured.int8Bytes(), config.toString());
            // Every weight and bias is in there: at least one byte per parameter plus three more per bias.
            assertTrue(measured.int8Bytes() > model.parameterCount());
        }
    }
}
