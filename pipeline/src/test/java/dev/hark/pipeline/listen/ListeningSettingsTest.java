package dev.hark.pipeline.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import org.junit.jupiter.api.Test;

@Fast
class ListeningSettingsTest {
    @Test
    void theDefaultsAreTheClipsStepsAndTheDetectorsDefault() {
        // The baseline: 101 frames, kernel 20, a step every 8 frames: attention over 11 steps.
        assertEquals(new ListeningSettings(11, DetectionSettings.DEFAULT),
                ListeningSettings.defaults(RandomModels.defaultSize(3)));
        assertEquals(1, ListeningSettings.defaults(RandomModels.create(RandomModels.smallStudentShape(), 4,
                Rounding.SINGLE)).attentionWindow(), "without attention the window is 1 and means nothing");
    }

    @Test
    void aModelWithAChosenDetectorListensWithIt() {
        DetectionSettings chosen = new DetectionSettings(12, 201, 7);
        assertEquals(new ListeningSettings(11, chosen),
                ListeningSettings.defaults(RandomModels.defaultSize(3).withDetector(chosen)));
    }

    @Test
    void eachSettingChangesAloneAndIsChecked() {
        ListeningSettings s = new ListeningSettings(11, new DetectionSettings(3, 128, 13));
        assertEquals(new ListeningSettings(4, new DetectionSettings(3, 128, 13)), s.withAttentionWindow(4));
        assertEquals(new ListeningSettings(11, new DetectionSettings(7, 128, 13)), s.withSmoothingSteps(7));
        assertEquals(new ListeningSettings(11, new DetectionSettings(3, 200, 13)), s.withThreshold(200));
        assertEquals(new ListeningSettings(11, new DetectionSettings(3, 128, 0)), s.withRefractorySteps(0));
        assertThrows(IllegalArgumentException.class, () -> s.withAttentionWindow(0));
        assertThrows(IllegalArgumentException.class, () -> s.withSmoothingSteps(65));
        assertThrows(IllegalArgumentException.class, () -> s.withThreshold(256));
        assertThrows(IllegalArgumentException.class, () -> s.withRefractorySteps(-1));
    }
}
