package dev.hark.pipeline.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quantize stage writes the rounding it is asked for and will not reuse a model file of the other. */
@Fast
class QuantizeStageTest {
    private static final CrnnConfig SMALL = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1)
            .build();

    @TempDir
    Path dir;

    private static FeatureSet clips() {
        Random random = new Random(5);
        List<LabelledFeatures> clips = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] features = new byte[SMALL.featuresPerClip()];
            random.nextBytes(features);
            clips.add(new LabelledFeatures("clip" + i, i % 3 == 0 ? "sheila" : "other", "s" + i, i % 3 == 0 ? 1 : 0,
                    features));
        }
        return new FeatureSet(clips);
    }

    @Test
    void eachRoundingIsWrittenAsAskedAndAnotherIsNotReused() throws Exception {
        CrnnWeights weights = RandomCrnnWeights.of(SMALL, 5, 0.1);
        FeatureSet train = clips();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        for (Rounding rounding : Rounding.values()) {
            Path file = dir.resolve(rounding + ".hark");
            QuantizedModel model = QuantizeStage.run(weights, train, "sheila", "test", CalibrationPolicy.DEFAULT_PLAN,
                    rounding, file, out);
            assertEquals(rounding, model.rounding());
            assertEquals(rounding, ModelFile.read(file).rounding());
            assertTrue(log.toString(StandardCharsets.UTF_8).contains(", " + QuantizeStage.name(rounding)
                    + " rounding -> " + file), log::toString);
        }

        Path single = dir.resolve("SINGLE.hark");
        WorkspaceConflictException e = assertThrows(WorkspaceConflictException.class, () -> QuantizeStage.run(weights,
                train, "sheila", "test", CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, single, out));
        assertEquals(single + " holds a model quantized with single rounding, not the double rounding asked for;"
                + " delete it to quantize again", e.getMessage());
    }

    @Test
    void theModelFileRecordsTheTrainingSpeakersAsHashesTheSameForTheSameData() throws Exception {
        CrnnWeights weights = RandomCrnnWeights.of(SMALL, 5, 0.1);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path first = dir.resolve("first.hark");
        Path second = dir.resolve("second.hark");
        QuantizeStage.run(weights, clips(), "sheila", "test", CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, first,
                quiet);
        QuantizeStage.run(weights, clips(), "sheila", "test", CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, second,
                quiet);
        TrainingSpeakers speakers = ModelFile.read(first).info().knownTrainingSpeakers().orElseThrow();
        assertEquals(12, speakers.size());
        assertTrue(speakers.contains("s0") && speakers.contains("s11"));
        assertTrue(!speakers.contains("s12") && !speakers.contains("clip0"));
        assertEquals(Files.readString(first, StandardCharsets.ISO_8859_1),
                Files.readString(second, StandardCharsets.ISO_8859_1), "the same data, the same model file");
    }
}
