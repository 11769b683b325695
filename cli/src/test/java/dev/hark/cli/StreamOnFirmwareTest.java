package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.audio.WavFile;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark stream --target host}: the listening firmware built with gcc hears what the simulator hears. */
@Slow
class StreamOnFirmwareTest {
    @TempDir
    Path dir;

    @Test
    void theHostFirmwarePrintsTheSimulatorsDetectionsAndZeroDifferingBytes() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(StreamCommandTest.model(), model);
        Path wav = dir.resolve("kitchen.wav");
        WavFile.write(wav, StreamCommandTest.audio());

        CliRunner.Run run = CliRunner.run("stream", "-m", model.toString(), "--wav", wav.toString(), "--out",
                dir.resolve("out").toString(), "--target", "host", "--smoothing", "1", "--threshold", "1",
                "--refractory", "2");

        if (run.exitCode() == ExitCode.TOOL_FAILED.code()) {
            Assumptions.abort(run.err().strip());
        }
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        List<String> simulator = run.out().lines().filter(l -> l.startsWith("detection at ")).toList();
        List<String> firmware = run.out().lines().filter(l -> l.startsWith("host: detection at "))
                .map(l -> l.substring("host: ".length())).toList();
        assertFalse(simulator.isEmpty(), "there are detections to compare");
        assertEquals(simulator, firmware);
        String verdict = run.out().lines().filter(l -> l.startsWith("host: ") && l.contains(" bytes differ"))
                .findFirst().orElse("");
        assertTrue(verdict.matches("host: \\d+ frames, \\d+ steps, " + simulator.size()
                + " detections: 0 of [1-9]\\d* bytes differ"), run.out());
    }
}
