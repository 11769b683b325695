package dev.hark.pipeline.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distilled model is quantized for the rounding asked, and its run directory's model file always holds the rounding
 * last asked for: quantizing the same float model again for the other rounding replaces it.
 */
@Fast
class DistillStageRoundingTest {
    private static final CrnnConfig SMALL = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1)
            .build();

    @TempDir
    Path dir;

    private static FeatureSet clips() {
        Random random = new Random(3);
        List<LabelledFeatures> clips = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] features = new byte[SMALL.featuresPerClip()];
            random.nextBytes(features);
            clips.add(new LabelledFeatures("clip" + i, i % 3 == 0 ? "stop" : "other", "s" + i, i % 3 == 0 ? 1 : 0,
                    features));
        }
        return new FeatureSet(clips);
    }

    @Test
    void theRunDirectorysModelFileHoldsTheRoundingLastAskedFor() throws Exception {
        CrnnWeights weights = RandomCrnnWeights.of(SMALL, 9, 0.1);
        Student student = new Student("small", SMALL, Optional.of("teacher"));
        FeatureSet train = clips();
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path model = dir.resolve("model.hark");
        for (Rounding rounding : List.of(Rounding.SINGLE, Rounding.DOUBLE, Rounding.SINGLE)) {
            QuantizedModel int8 = DistillStage.quantize(student, weights, "stop", train, dir, "hark distill", rounding,
                    log).orElseThrow();
            assertEquals(rounding, int8.rounding());
            assertEquals(rounding, ModelFile.read(model).rounding(), "after quantizing for " + rounding);
        }
        DistillStage.Evaluated evaluated = DistillStage.evaluate(student, weights, "stop", train, train.items(), dir,
                "hark distill", Rounding.DOUBLE, log);
        assertTrue(evaluated.int8Scores().isPresent());
        assertEquals(Rounding.DOUBLE, ModelFile.read(model).rounding());
    }

    @Test
    void settingsWithoutARoundingTakeThePipelinesDefault() {
        DistillationOptions options = DistillationOptions.defaults();
        assertEquals(CalibrationPolicy.DEFAULT_ROUNDING, new DistillStage.Settings("stop", 1, 1, options).rounding());
        assertEquals(CalibrationPolicy.DEFAULT_ROUNDING,
                new DistillStage.Settings("stop", 1, 1, options, true).rounding());
        assertEquals(Rounding.SINGLE,
                new DistillStage.Settings("stop", 1, 1, options, false, Rounding.SINGLE).rounding());
    }
}
