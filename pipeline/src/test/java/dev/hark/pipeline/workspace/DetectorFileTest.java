package dev.hark.pipeline.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.program.KeywordScore;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.DetectorTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class DetectorFileTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenDetectorReadsBack() throws IOException {
        Path file = dir.resolve("detector.properties");
        DetectorFile.write(file, new DetectorTiming(12, 0.5), 201, "dev streams\nof 5 h");
        assertEquals(Optional.of(new DetectorTiming(12, 0.5)), DetectorFile.read(file));
        assertEquals(new DetectorTiming(12, 0.5), DetectorFile.readOrDefault(file));
        assertTrue(Files.readString(file).contains("chosen.on=dev streams of 5 h"), Files.readString(file));
        assertTrue(Files.readString(file).contains("score.threshold=201"), Files.readString(file));
        assertEquals(Optional.of(new DetectionSettings(12, 201, 7)), DetectorFile.deployed(file, 8),
                "0.5 s at 80 ms a step, rounded up to 7 steps");
    }

    @Test
    void aFileWrittenBeforeTheThresholdWasRecordedIsDeployedAtTheDefaultThreshold() throws IOException {
        Path file = dir.resolve("older.properties");
        Files.writeString(file, "smoothing.steps=12\nrefractory.seconds=0.5\n");
        assertEquals(Optional.of(new DetectionSettings(12, DetectionSettings.DEFAULT.threshold(), 7)),
                DetectorFile.deployed(file, 8));
        assertEquals(Optional.empty(), DetectorFile.deployed(dir.resolve("none.properties"), 8));
    }

    @Test
    void aThresholdChosenOnTheSoftmaxsProbabilityIsDeployedAtTheScoreOfTheSameProbability() throws IOException {
        Path file = dir.resolve("older.properties");
        Files.writeString(file, "smoothing.steps=12\nrefractory.seconds=0.5\nthreshold=254\n");
        assertEquals(Optional.of(new DetectionSettings(12, KeywordScore.ofPosterior(254), 7)),
                DetectorFile.deployed(file, 8));
    }

    @Test
    void aThresholdOutOfRangeIsRefusedNamingTheFileAndTheKey() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "smoothing.steps=12\nrefractory.seconds=0.5\nscore.threshold=256\n");
        IOException e = assertThrows(IOException.class, () -> DetectorFile.deployed(file, 8));
        assertEquals(file + ": score.threshold: the detection threshold must be a score of 1 to 255, got 256",
                e.getMessage());
        Path older = dir.resolve("older.properties");
        Files.writeString(older, "smoothing.steps=12\nrefractory.seconds=0.5\nthreshold=256\n");
        assertEquals(older + ": threshold: a posterior threshold is 1 to 255, got 256",
                assertThrows(IOException.class, () -> DetectorFile.deployed(older, 8)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DetectorFile.write(dir.resolve("w.properties"),
                new DetectorTiming(5, 1), 0, "x"));
        assertTrue(Files.notExists(dir.resolve("w.properties")), "nothing written");
    }

    @Test
    void aWorkspaceWithoutOneListensWithTheDefault() throws IOException {
        Path file = dir.resolve("none.properties");
        assertEquals(Optional.empty(), DetectorFile.read(file));
        assertEquals(DetectorTiming.DEFAULT, DetectorFile.readOrDefault(file));
    }

    @Test
    void aBadFileIsRefusedNamingIt() throws IOException {
        Path missing = dir.resolve("missing.properties");
        Files.writeString(missing, "smoothing.steps=5\n");
        IOException e = assertThrows(IOException.class, () -> DetectorFile.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("refractory.seconds"),
                e.getMessage());
        Path outOfRange = dir.resolve("range.properties");
        Files.writeString(outOfRange, "smoothing.steps=65\nrefractory.seconds=1\n");
        e = assertThrows(IOException.class, () -> DetectorFile.read(outOfRange));
        assertTrue(e.getMessage().startsWith(outOfRange.toString()), e.getMessage());
        Path notANumber = dir.resolve("nan.properties");
        Files.writeString(notANumber, "smoothing.steps=five\nrefractory.seconds=1\n");
        assertThrows(IOException.class, () -> DetectorFile.read(notANumber));
    }
}
