package dev.hark.test;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Qemu;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extension's default target, the Cortex-M4F board under QEMU: audio through the listening firmware, every frame,
 * step and detection compared. A machine without the Arm toolchain or QEMU skips (as the other QEMU tests do).
 */
@Qemu
@HarkFirmware(model = "target/hark-test-models/student.hark", missingTool = HarkFirmware.MissingTool.SKIP)
class QemuFirmwareTest {
    @BeforeAll
    static void writeModel() throws Exception {
        TestModels.writeStudent();
    }

    @Test
    void theBoardHearsWhatTheSimulatorHears(Firmware firmware) throws Exception {
        short[] pcm = TestModels.audio(2, 31);
        DetectionSettings settings = TestModels.firingNowAndThen(firmware.model(), pcm);
        Listening simulated = firmware.model().listen(pcm, settings);

        Firmware.Heard heard = firmware.listen(simulated);

        HarkAssertions.assertBitExact(heard);
        assertFalse(simulated.detections().isEmpty(), "the detections are compared too");
        HarkAssertions.assertDetections(simulated.detections(), heard.detections());
        System.out.println(heard.summary());
    }
}
