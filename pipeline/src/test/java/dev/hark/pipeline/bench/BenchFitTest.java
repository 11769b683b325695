package dev.hark.pipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.LeanRun;
import dev.hark.firmware.run.SizeReport;
import dev.hark.firmware.run.Target;
import dev.hark.testing.Fast;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class BenchFitTest {
    @TempDir
    Path dir;

    @Test
    void aBoardWithoutRoomForTheBenchmarksAudioIsRefusedBeforeAnythingIsBuiltWithTheFigures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ListeningBenchmark(
                dir, Target.named("netduinoplus2"), ListeningBenchmark.Settings.defaults(), System.err));
        assertTrue(e.getMessage().startsWith("the listening benchmark does not fit the Netduino Plus 2 (netduinoplus2):"
                + " its 62 s of audio and their frames take " + String.format("%,d", ListeningBenchmark.BUFFER_BYTES)
                + " bytes of RAM and the board's 131,072 leave"), e.getMessage());
        assertTrue(e.getMessage().endsWith("--lean-only measures the lean listening firmware alone"), e.getMessage());
        assertEquals(List.of(), List.of(dir.toFile().list()), "nothing extracted");
        assertEquals(Optional.empty(), ListeningBenchmark.benchProblem(Target.MPS2_AN386.board().orElseThrow()));
    }

    @Test
    void aLeanRowSaysWhatItCouldNotCount() {
        LeanRun uncounted = new LeanRun(3, 299, 47, 0, 544);
        String row = new LeanCost("m", Target.named("netduinoplus2"), new SizeReport(23_000, 16, 8_976), uncounted)
                .row();
        assertEquals("| m | netduinoplus2 | Cortex-M4F | 23,016 | 8,992 | 544 | not counted | not counted | - |", row);
        LeanRun counted = new LeanRun(3, 299, 47, 0, 756, Optional.of(new LeanRun.Instructions(30_000_000, 10,
                2_500_000)));
        assertEquals("| m | microbit | Cortex-M0 | 23,016 | 8,992 | 756 | 250,000 | 10,000,000 | 62.5% |",
                new LeanCost("m", Target.named("microbit"), new SizeReport(23_000, 16, 8_976), counted).row());
    }
}
