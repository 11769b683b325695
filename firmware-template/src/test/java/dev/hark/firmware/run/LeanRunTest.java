package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class LeanRunTest {
    @Test
    void readsTheReportLine() {
        LeanRun run = LeanRun.parse("hark_listen_lean seconds 3 frames 299 steps 35 detections 2 stack_peak 820\n");
        assertEquals(new LeanRun(3, 299, 35, 2, 820), run);
    }

    @Test
    void aFailureOrAMissingReportIsRefused() {
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                () -> LeanRun.parse("hark_listen_lean failed 3\n"));
        assertTrue(failed.getMessage().contains("status -3"), failed.getMessage());
        IllegalArgumentException silent = assertThrows(IllegalArgumentException.class, () -> LeanRun.parse(""));
        assertTrue(silent.getMessage().contains("without its report") && silent.getMessage().contains("(none)"),
                silent.getMessage());
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> LeanRun.parse("hark_listen_lean seconds 3 frames 299 steps"));
        assertTrue(cut.getMessage().contains("hark_listen_lean seconds 3 frames 299 steps"), cut.getMessage());
    }
}
