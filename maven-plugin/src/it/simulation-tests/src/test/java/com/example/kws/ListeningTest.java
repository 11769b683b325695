package com.example.kws;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.test.Firmware;
import dev.hark.test.HarkAssertions;
import dev.hark.test.HarkFirmware;
import dev.hark.test.HarkModel;
import dev.hark.test.Listening;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The model this project ships, on the board it ships for: the firmware is built once for the class (under
 * target/hark-test) and every test runs on it under QEMU, compared byte for byte with hark's simulator.
 */
@HarkFirmware(model = "model.hark", target = "mps2-an386")
class ListeningTest {
    private static final Path RECORDING = Path.of("src/test/resources/stream.wav");
    /**
     * The device's detector: the mean of 3 steps' keyword scores fires at 108 (log-odds -1.25: this example's model
     * has random weights), then 12 steps of silence.
     */
    private static final DetectionSettings DEVICE = new DetectionSettings(3, 108, 12);

    /** What the simulator predicts for the recording: a test that needs no firmware. */
    @Test
    void theRecordingMakesTwoDetections(HarkModel model) throws IOException {
        HarkAssertions.assertDetections(2, model.listen(RECORDING, DEVICE));
    }

    /** The board hears the recording as the simulator does: every frame, step and detection, byte for byte. */
    @Test
    void theBoardHearsTheRecordingAsTheSimulatorDoes(Firmware firmware) throws IOException {
        Listening simulated = firmware.model().listen(RECORDING, DEVICE);

        Firmware.Heard heard = firmware.listen(simulated);

        System.out.println(heard.summary());
        HarkAssertions.assertBitExact(heard);
        HarkAssertions.assertDetections(simulated.detections().size(), heard);
    }

    /** The recording as a one-second clip through the whole network: every layer, byte for byte. */
    @Test
    void theRecordingAsAClipIsBitExactOnTheBoard(Firmware firmware) throws IOException {
        HarkAssertions.assertBitExact(firmware.run(Path.of("src/test/resources")));
    }
}
