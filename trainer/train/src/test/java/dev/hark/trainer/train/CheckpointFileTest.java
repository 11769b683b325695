package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class CheckpointFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryValueExactly() throws IOException {
        Checkpoint c = sample(2);
        Path file = dir.resolve("c.ckpt");
        CheckpointFile.write(file, c);
        Checkpoint back = CheckpointFile.read(file);
        assertEquals(c.settings(), back.settings());
        assertEquals(2, back.epochsDone());
        assertEquals(c.samplerSeed(), back.samplerSeed());
        assertArrayEquals(c.parameters().get("w"), back.parameters().get("w"));
        assertArrayEquals(c.bestParameters().get("w"), back.bestParameters().get("w"));
        assertEquals(c.history(), back.history());
        assertEquals(c.bestEpoch(), back.bestEpoch());
        assertEquals(c.optimizer().numUpdate(), back.optimizer().numUpdate());
        assertArrayEquals(c.optimizer().moments().get("w").variance(), back.optimizer().moments().get("w").variance());
        assertTrue(Float.isNaN(back.parameters().get("w")[2]), "NaN bit patterns survive");
    }

    @Test
    void aTruncatedCheckpointIsReportedNotLoaded() throws IOException {
        Path file = dir.resolve("t.ckpt");
        CheckpointFile.write(file, sample(1));
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {0, 20, bytes.length / 2, bytes.length - 1}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(file));
            assertOneLineNaming(file, e);
        }
    }

    @Test
    void aFlippedBitAnywhereIsReportedNotLoaded() throws IOException {
        Path file = dir.resolve("f.ckpt");
        CheckpointFile.write(file, sample(1));
        byte[] good = Files.readAllBytes(file);
        for (int position : new int[] {8, 40, good.length / 2, good.length - 40, good.length - 1}) {
            byte[] bad = good.clone();
            bad[position] ^= 0x10;
            Files.write(file, bad);
            CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(file));
            assertOneLineNaming(file, e);
        }
    }

    @Test
    void theRunDirectoryKeepsTheNewestTwoAndNamesTheFallback() throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        assertTrue(run.latest().isEmpty());
        for (int epoch = 1; epoch <= 3; epoch++) {
            run.write(sample(epoch));
        }
        assertEquals(List.of(run.checkpoint(2), run.checkpoint(3)), run.checkpointFiles());
        assertEquals(3, run.latest().orElseThrow().epochsDone());
        byte[] bytes = Files.readAllBytes(run.checkpoint(3));
        Files.write(run.checkpoint(3), Arrays.copyOf(bytes, bytes.length - 7)); // torn write
        CheckpointException e = assertThrows(CheckpointException.class, run::latest);
        assertOneLineNaming(run.checkpoint(3), e);
        assertTrue(e.getMessage().contains("epoch-0002.ckpt"), e.getMessage());
        Files.delete(run.checkpoint(3));
        assertEquals(2, run.latest().orElseThrow().epochsDone());
    }

    private static void assertOneLineNaming(Path file, Exception e) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static Checkpoint sample(int epochs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("options.seed", "7");
        settings.put("model.crnn.gruHidden", "8");
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("w", new float[] {1.5f, -0.25f, Float.NaN, Float.MIN_VALUE});
        params.put("b", new float[] {3f});
        Map<String, AdamState.Moments> moments = new LinkedHashMap<>();
        moments.put("w", new AdamState.Moments(epochs * 3, new float[] {0.1f, 0.2f, 0.3f, 0.4f},
                new float[] {1e-9f, 2e-9f, 3e-9f, 4e-9f}));
        List<EpochStats> history = new java.util.ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochStats(e, 0.5 / e, 0.6 / e, 0.9, 0.01 / e, 1.25));
        }
        Map<String, float[]> best = new LinkedHashMap<>();
        best.put("w", new float[] {9f, 8f, 7f, 6f});
        best.put("b", new float[] {5f});
        return new Checkpoint(settings, epochs, 12345L + epochs, params, new AdamState(epochs * 3, moments), history,
                1, best);
    }
}
