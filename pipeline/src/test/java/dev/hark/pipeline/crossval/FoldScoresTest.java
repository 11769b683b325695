package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class FoldScoresTest {
    @TempDir
    Path dir;

    private static FoldScores scores() {
        return new FoldScores(List.of("stop/a_nohash_0.wav", "_background_noise_/hum.wav#test-0"), new int[] {1, 0},
                Map.of("teacher", new FoldScores.ModelScores(new float[] {0.1f, 1e-7f}, new float[] {0.5f, 0f}),
                        "c2", new FoldScores.ModelScores(new float[] {(float) Math.PI, 0.3f},
                                new float[] {0.99609375f, 0.00390625f})));
    }

    @Test
    void theScoresReadBackAsTheSameFloats() throws IOException {
        Path file = Files.writeString(dir.resolve("scores.csv"), scores().csv(List.of("teacher", "c2")));
        FoldScores read = FoldScores.read(file);
        assertEquals(List.of("teacher", "c2"), List.copyOf(read.scores().keySet()), "the columns' order");
        assertEquals(scores().clips(), read.clips());
        assertArrayEquals(new int[] {1, 0}, read.labels());
        for (String m : List.of("teacher", "c2")) {
            assertArrayEquals(scores().scores().get(m).floatScores(), read.scores().get(m).floatScores(), m);
            assertArrayEquals(scores().scores().get(m).int8Scores(), read.scores().get(m).int8Scores(), m);
        }
    }

    @Test
    void aBrokenHeaderOrLineIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("scores.csv"), scores().csv(List.of("teacher", "c2")));
        Files.writeString(file, Files.readString(file).replace("c2 int8", "c3 int8"));
        IOException e = assertThrows(IOException.class, () -> FoldScores.read(file));
        assertTrue(e.getMessage().startsWith(file + ": line 1: the columns are not 'clip,label'"), e.getMessage());
        Files.writeString(file, scores().csv(List.of("teacher", "c2")).replace("0.5", "half"));
        e = assertThrows(IOException.class, () -> FoldScores.read(file));
        assertTrue(e.getMessage().startsWith(file + ": line 2: not a number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FoldScores(List.of("a,b"), new int[] {1},
                Map.of("t", new FoldScores.ModelScores(new float[1], new float[1]))).csv(List.of("t")));
    }
}
