package dev.hark.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension on the host: one build for the class, clips and audio through the simulator and the firmware, byte
 * for byte. A machine without make or gcc skips (other modules' host tests do the same).
 */
@Slow
@HarkFirmware(model = "target/hark-test-models/student.hark", target = "host",
        missingTool = HarkFirmware.MissingTool.SKIP)
class HostFirmwareTest {
    /** The firmware the first test got; every other test of the class must get the same. */
    private static final AtomicReference<Firmware> FIRST = new AtomicReference<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void writeModel() throws Exception {
        TestModels.writeStudent();
    }

    private static void assertOneFirmwarePerClass(Firmware firmware) {
        FIRST.compareAndSet(null, firmware);
        assertSame(FIRST.get(), firmware);
    }

    @Test
    void clipsRunBitExactOnTheFirmware(Firmware firmware, HarkModel model) throws Exception {
        assertOneFirmwarePerClass(firmware);
        assertSame(firmware.model(), model);
        List<byte[]> features = RandomModels.features(model.quantized(), 3, 21);

        TraceComparison.Result result = firmware.run(List.of("a", "b", "c"), features);

        HarkAssertions.assertBitExact(result);
        assertEquals(3, result.clips());
        assertTrue(result.bytesCompared() > 0);
        assertSame(firmware.clipBuild(), firmware.clipBuild(), "built once");
    }

    @Test
    void aWavFileIsHeardByTheFirmwareAsByTheSimulator(Firmware firmware) throws Exception {
        assertOneFirmwarePerClass(firmware);
        short[] pcm = TestModels.audio(3, 22);
        DetectionSettings settings = TestModels.firingNowAndThen(firmware.model(), pcm);
        Path wav = dir.resolve("stream.wav");
        WavFile.write(wav, pcm);
        Listening simulated = firmware.model().listen(pcm, settings);

        Firmware.Heard heard = firmware.listen(simulated);

        HarkAssertions.assertBitExact(heard);
        assertFalse(simulated.detections().isEmpty(), "the detections are compared too");
        HarkAssertions.assertDetections(simulated.detections(), heard.detections());
        HarkAssertions.assertDetections(simulated.detections().size(), heard);
        assertEquals(firmware.model().listen(wav).detections(), firmware.listen(wav).detections(),
                "a WAV file is its samples, with the default detector");
        assertSame(firmware.listenBuild(), heard.build(), "built once");
        assertTrue(heard.summary().startsWith("host listening firmware with the portable CMSIS-NN subset, single"
                + " rounding: "), heard.summary());
    }

    @Test
    void aFolderOfClipsRunsUnderItsFileNames(Firmware firmware) throws Exception {
        assertOneFirmwarePerClass(firmware);
        Files.write(dir.resolve("one.features"), RandomModels.features(firmware.model().quantized(), 1, 23).get(0));
        WavFile.write(dir.resolve("two.wav"), TestModels.audio(1, 24));

        TraceComparison.Result result = firmware.run(dir);

        HarkAssertions.assertBitExact(result);
        assertEquals(2, result.clips());
    }
}
