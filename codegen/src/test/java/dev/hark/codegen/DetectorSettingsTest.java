package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector the generated settings give the firmware: the setting's, else the model's, else the default. */
@Fast
class DetectorSettingsTest {
    private static String settingsHeader(QuantizedModel model, CodegenConfig config) {
        return CodeGenerator.render(CodeGenerator.build(model, config)).get("hark_model_settings.h");
    }

    private static List<String> detectorMacros(String header) {
        return header.lines().filter(l -> l.startsWith("#define HARK_DETECTOR_")).toList();
    }

    private static List<String> macrosOf(DetectionSettings d) {
        return List.of("#define HARK_DETECTOR_SMOOTHING_STEPS " + d.smoothingSteps(),
                "#define HARK_DETECTOR_THRESHOLD " + d.threshold(),
                "#define HARK_DETECTOR_REFRACTORY_STEPS " + d.refractorySteps(),
                "#define HARK_DETECTOR_SETTINGS {HARK_DETECTOR_SMOOTHING_STEPS, HARK_DETECTOR_THRESHOLD,"
                        + " HARK_DETECTOR_REFRACTORY_STEPS}");
    }

    @Test
    void aModelWithoutADetectorGetsTheDefault() {
        String header = settingsHeader(RandomModels.tiny(5), new CodegenConfig());
        assertEquals(macrosOf(DetectionSettings.DEFAULT), detectorMacros(header));
        assertTrue(header.contains("the default, as the model records none"), header);
    }

    @Test
    void theModelsChosenDetectorIsEmitted() {
        DetectionSettings chosen = new DetectionSettings(12, 201, 7);
        String header = settingsHeader(RandomModels.tiny(5).withDetector(chosen), new CodegenConfig());
        assertEquals(macrosOf(chosen), detectorMacros(header));
        assertTrue(header.contains("the one chosen for the model"), header);
    }

    @Test
    void theSettingOverridesTheModelsDetectorWithoutChangingTheModelsDigest() {
        QuantizedModel model = RandomModels.tiny(5).withDetector(new DetectionSettings(12, 201, 7));
        DetectionSettings set = new DetectionSettings(1, 255, 0);
        String overridden = settingsHeader(model, new CodegenConfig().withDetector(set));
        assertEquals(macrosOf(set), detectorMacros(overridden));
        assertTrue(overridden.contains("set at generation instead of the model's"), overridden);
        String asChosen = settingsHeader(model, new CodegenConfig());
        assertEquals(asChosen.lines().filter(l -> l.contains("SHA-256")).toList(),
                overridden.lines().filter(l -> l.contains("SHA-256")).toList(),
                "the banner names the model file's bytes, not the setting");
    }

    @Test
    void withoutCommentsTheValuesAreTheSame() {
        DetectionSettings chosen = new DetectionSettings(3, 180, 2);
        String header = settingsHeader(RandomModels.tiny(5).withDetector(chosen),
                new CodegenConfig().withEmitComments(false));
        assertEquals(macrosOf(chosen), detectorMacros(header));
    }
}
