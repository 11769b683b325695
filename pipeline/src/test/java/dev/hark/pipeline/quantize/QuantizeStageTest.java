package dev.hark.pipeline.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.hark.trainer.quant.CalibrationMethod;
import dev.hark.trainer.quant.CalibrationPlan;
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

/**
 * The quantize stage writes the rounding it is asked for and reuses a model file only when it was quantized with that
 * rounding, from the same float weights and with the same calibration plan.
 */
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

    @Test
    void aModelFileOfOtherWeightsOrAnotherPlanIsRefusedAndLeftAsItWas() throws Exception {
        CrnnWeights weights = RandomCrnnWeights.of(SMALL, 5, 0.1);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path file = dir.resolve("model.hark");
        QuantizeStage.run(weights, clips(), "sheila", "test", CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, file,
                quiet);
        byte[] before = Files.readAllBytes(file);

        WorkspaceConflictException otherWeights = assertThrows(WorkspaceConflictException.class,
                () -> QuantizeStage.run(RandomCrnnWeights.of(SMALL, 6, 0.1), clips(), "sheila", "test",
                        CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, file, quiet));
        assertEquals(file + " was quantized from other float weights than the workspace's float model; delete it to"
                + " quantize again", otherWeights.getMessage());

        CalibrationPlan kl = CalibrationPlan.of(CalibrationMethod.KL);
        WorkspaceConflictException otherPlan = assertThrows(WorkspaceConflictException.class,
                () -> QuantizeStage.run(weights, clips(), "sheila", "test", kl, Rounding.DOUBLE, file, quiet));
        assertEquals(file + " was quantized from calibration " + CalibrationPolicy.DEFAULT_PLAN + ", not the " + kl
                + " asked for; delete it to quantize again", otherPlan.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "a refused run leaves the model file as it was");
    }

    @Test
    void theSameWeightsAndPlanReuseTheFileAndAFileWithoutItsRecordIsReusedAsBefore() throws Exception {
        CrnnWeights weights = RandomCrnnWeights.of(SMALL, 5, 0.1);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        Path file = dir.resolve("model.hark");
        QuantizeStage.run(weights, clips(), "sheila", "test", CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, file,
                out);
        assertTrue(Files.exists(QuantizationSource.besideModel(file)));
        QuantizeStage.run(weights, clips(), "sheila", "test", CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, file,
                out);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("[quantize] reusing " + file
                + " (checksum verified, double rounding, same float weights and calibration)"), log::toString);

        Files.delete(QuantizationSource.besideModel(file));
        QuantizeStage.run(RandomCrnnWeights.of(SMALL, 6, 0.1), clips(), "sheila", "test",
                CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE, file, out);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("its float weights and calibration not recorded"),
                log::toString);
    }
}
