package dev.hark.pipeline.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.quant.RandomModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's model file carries the workspace's detector, in the network's steps. */
@Fast
class ModelDetectorTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    @Test
    void theChosenDetectorIsWrittenIntoTheModelFileOnce() throws IOException {
        Workspace workspace = new Workspace(dir);
        QuantizedModel model = RandomModels.listening(3);
        ModelFile.write(model, workspace.model());
        DetectorFile.write(workspace.detector(), new DetectorTiming(12, 0.5), 201, "dev streams");
        int hop = ModelDetector.hopFrames(model);
        DetectionSettings expected = new DetectorTiming(12, 0.5).settings(hop, 201);

        QuantizedModel recorded = ModelDetector.record(workspace, model, out);

        assertEquals(expected, recorded.detector());
        assertEquals(expected, ModelFile.read(workspace.model()).detector(), "the file holds it");
        byte[] written = Files.readAllBytes(workspace.model());
        assertSame(recorded, ModelDetector.record(workspace, recorded, out), "already there: not written again");
        assertArrayEquals(written, Files.readAllBytes(workspace.model()));
        assertEquals(1, log.toString(StandardCharsets.UTF_8).lines().count(), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWorkspaceWithoutADetectorLeavesTheModelFileAsItIs() throws IOException {
        Workspace workspace = new Workspace(dir);
        QuantizedModel model = RandomModels.listening(3);
        ModelFile.write(model, workspace.model());
        byte[] before = Files.readAllBytes(workspace.model());

        assertSame(model, ModelDetector.record(workspace, model, out));
        assertArrayEquals(before, Files.readAllBytes(workspace.model()));
    }
}
