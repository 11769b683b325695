package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class ModelFiguresTest {
    @Test
    void teacherMatchesThePublishedFigures() {
        ModelFigures f = ModelFigures.of(CrnnConfig.defaults());
        assertEquals(70_443, f.parameters());
        assertEquals(4 * 70_443, f.float32Bytes());
        // conv 11 steps x 18 mel positions x 8 channels x 20 x 5 taps; GRUs 11 x (3 x 64 x (208 + 128) + 2 x 13 x 64);
        // attention 11 x 64 x 64 + 2 x 11 x 64; classifier 2 x 64. Published: "about 0.93 M per 1-second clip".
        assertEquals(158_400 + 11L * 3 * 64 * (208 + 128) + 11L * 2 * 13 * 64 + 11L * 64 * 64 + 2 * 11 * 64 + 128,
                f.clipMacs());
        // The int8 network as CMSIS-NN's kernels hold it, docs/metrics.md; hark's kernels' tables are not the model's.
        assertEquals(76_572, f.int8Bytes());
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
        // Published: 52x fewer int8 bytes than the float teacher.
        assertEquals(5_384, s.int8Bytes());
        assertTrue(s.int8VersusFloatReduction(t) > 50, "ratio " + s.int8VersusFloatReduction(t));
    }

    @Test
    void withoutAttentionTheAttentionCostsNothing() {
        CrnnConfig noAtt = CrnnConfig.builder().optAttention(false).build();
        ModelFigures with = ModelFigures.of(CrnnConfig.defaults());
        ModelFigures without = ModelFigures.of(noAtt);
        assertEquals(11L * 64 * 64 + 2 * 11 * 64, with.clipMacs() - without.clipMacs());
        assertTrue(without.int8Bytes() < with.int8Bytes());
    }

    @Test
    void streamingCountsOneStepTimesTheStepsPerSecondOfAudio() {
        // Without attention, c2-h16-s6-noatt: per step one row of the convolution (18 mel positions x 2 channels x
        // 20 x 5 taps), one GRU step (3 x 16 x (36 + 16) + 13 x 16) and the classifier (2 x 16); a step every 6
        // frames of 10 ms, 100 / 6 steps a second.
        CrnnConfig noAtt = CrnnConfig.builder().optConvChannels(2).optStrideTime(6).optGruHidden(16).optGruLayers(1)
                .optAttention(false).build();
        long noAttStep = 18L * 2 * 20 * 5 + 3 * 16 * (36 + 16) + 13 * 16 + 2 * 16;
        assertEquals(noAttStep * 100 / 6, ModelFigures.of(noAtt).streamingMacsPerSecond());

        // With attention, c2-h16-s6: the same plus the newest step's energy (16 x 16) and score (16), and the
        // weighted sum over the window, by default the clip's (101 - 20) / 6 + 1 = 14 steps (14 x 16).
        CrnnConfig att = noAtt.toBuilder().optAttention(true).build();
        long attStep = noAttStep + 16 * 16 + 16 + 14 * 16;
        assertEquals(Math.round(attStep * 100 / 6.0), ModelFigures.of(att).streamingMacsPerSecond());

        // The teacher: two GRU layers, a step every 8 frames (12.5 a second), attention over 11 steps.
        long teacherStep = 18L * 8 * 20 * 5 + 3 * 64 * (144 + 64) + 13 * 64 + 3 * 64 * (64 + 64) + 13 * 64
                + 64 * 64 + 64 + 11 * 64 + 2 * 64;
        assertEquals(teacherStep * 25 / 2, ModelFigures.of(CrnnConfig.defaults()).streamingMacsPerSecond());
    }

    @Test
    void figuresFromTheShapeEqualThoseOfAnActualQuantizedModel() {
        for (CrnnConfig config : List.of(CrnnConfig.defaults(),
                CrnnConfig.builder().optConvChannels(3).optStrideTime(6).optGruHidden(16).optGruLayers(1).build(),
                CrnnConfig.builder().optGruHidden(24).optAttention(false).build())) {
            QuantizedModel model = TestModels.quantized(config);
            ModelFigures measured = ModelFigures.of(config, model);
            assertEquals(ModelFigures.of(config), measured, config.toString());
            assertEquals(measured, ModelFigures.of(model), "the model alone: " + config);
            // Every weight and bias is in there: at least one byte per parameter plus three more per bias.
            assertTrue(measured.int8Bytes() > model.parameterCount());
        }
    }
}
