package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Fast;
import dev.hark.sim.model.QuantizedModel;
import org.junit.jupiter.api.Test;

@Fast
class CodegenConfigTest {
    @Test
    void defaultsAndWithers() {
        CodegenConfig config = new CodegenConfig().withModelFile("m.hark").withOutputDirectory("out");
        assertTrue(config.emitComments());
        assertEquals(PlannerKind.GREEDY, config.planner());
        assertEquals("modelFile=m.hark\noutputDirectory=out\nemitComments=true\nplanner=GREEDY\n"
                + "detector=the model's\n", config.toString());
        assertEquals("modelFile=m.hark\noutputDirectory=out\nemitComments=true\nplanner=GREEDY\ndetector=8,200,3\n",
                config.withDetector(new DetectionSettings(8, 200, 3)).toString(), "the build cache key changes");
    }

    @Test
    void equalityFollowsEverySetting() {
        CodegenConfig a = new CodegenConfig().withModelFile("m").withOutputDirectory("o");
        CodegenConfig b = new CodegenConfig().withModelFile("m").withOutputDirectory("o");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.withEmitComments(false));
        assertEquals(a, b, "a wither leaves the original as it was");
        assertNotEquals(a, new CodegenConfig().withModelFile("m").withOutputDirectory("o")
                .withPlanner(PlannerKind.LINEAR));
        assertNotEquals(a, b.withDetector(DetectionSettings.DEFAULT), "the model's detector is not the default's");
    }

    @Test
    void theFirmwareListensWithTheSettingsDetectorElseTheModelsElseTheDefault() {
        QuantizedModel model = dev.hark.trainer.quant.RandomModels.tiny(1);
        CodegenConfig config = new CodegenConfig();
        assertEquals(DetectionSettings.DEFAULT, config.detectorFor(model));
        DetectionSettings chosen = new DetectionSettings(12, 201, 7);
        assertEquals(chosen, config.detectorFor(model.withDetector(chosen)));
        DetectionSettings set = new DetectionSettings(3, 150, 0);
        assertEquals(set, config.withDetector(set).detectorFor(model.withDetector(chosen)));
    }

    @Test
    void validationNamesTheMissingSetting() {
        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
                () -> new CodegenConfig().withOutputDirectory("o").validate(true));
        assertTrue(noModel.getMessage().contains("modelFile"), noModel.getMessage());
        IllegalArgumentException noOutput = assertThrows(IllegalArgumentException.class,
                () -> new CodegenConfig().withModelFile("m").validate(true));
        assertTrue(noOutput.getMessage().contains("outputDirectory"), noOutput.getMessage());
        new CodegenConfig().withOutputDirectory("o").validate(false);
    }
}
