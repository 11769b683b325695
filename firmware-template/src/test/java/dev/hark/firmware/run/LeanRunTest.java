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

    @Test
    void readsWhatTheCounterCountedWhenItCountsInstructions() {
        LeanRun run = LeanRun.parse("hark_listen_lean seconds 3 frames 299 steps 47 detections 0 stack_peak 756"
                + " instructions_per_tick 125 calibration_instructions 2000000 calibration_ticks 16000 listen_ticks"
                + " 1913043 inferences 10 inference_ticks 25496\n");
        LeanRun.Instructions counted = run.instructions().orElseThrow();
        assertEquals(new LeanRun.Instructions(1913043L * 125, 10, 25496L * 125), counted);
        assertEquals(79_710_125, counted.perSecondOfAudio(run.seconds()));
        assertEquals(318_700, counted.perInference());
    }

    @Test
    void aCounterThatCountsNothingGivesNoInstructionsAndOneThatMisCountsIsRefused() {
        LeanRun uncounted = LeanRun.parse("hark_listen_lean seconds 3 frames 299 steps 47 detections 0 stack_peak 544"
                + " instructions_per_tick 0 calibration_instructions 0 calibration_ticks 0 listen_ticks 0"
                + " inferences 10 inference_ticks 0\n");
        assertEquals(new LeanRun(3, 299, 47, 0, 544), uncounted);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> LeanRun.parse(
                "hark_listen_lean seconds 3 frames 299 steps 47 detections 0 stack_peak 544 instructions_per_tick 40"
                        + " calibration_instructions 2000000 calibration_ticks 49998 listen_ticks 1 inferences 10"
                        + " inference_ticks 1\n"));
        assertTrue(wrong.getMessage().contains("-icount shift=0"), wrong.getMessage());
    }
}
