package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareBuildSupport.ProcessResult;
import dev.hark.testing.Fast;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pure parts of the product firmware's microphone drivers (product/hark_capture.h: the ring of 10 ms blocks an
 * interrupt fills and the main loop empties, the ADC codes' conversion to PCM without their bias), built with the
 * host's gcc (-Wconversion -Wshadow) and checked by test/capture_test.c, which names every failed check.
 */
@Fast
class CaptureTest {
    @Test
    void theCaptureRingAndTheAdcConversionPassTheirChecksOnTheHost() {
        FirmwareBuildSupport.assumeToolchain("host");
        Path buildDir = FirmwareBuildSupport.workDir("capture-test");
        Path executable = FirmwareBuildSupport.make("host", buildDir, "capture-test", "capture_test");
        ProcessResult result = FirmwareBuildSupport.run(buildDir, List.of(executable.toString()));
        assertEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stdout().matches("(?s)capture_test: [1-9]\\d* checks, 0 failed\\s*"), result::describe);
    }
}
