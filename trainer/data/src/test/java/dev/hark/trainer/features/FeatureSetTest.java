package dev.hark.trainer.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class FeatureSetTest {
    @TempDir
    Path dir;

    private static FeatureSet sample() {
        byte[] a = new byte[4040];
        byte[] b = new byte[4040];
        Arrays.fill(a, (byte) -7);
        Arrays.fill(b, (byte) 100);
        return new FeatureSet(List.of(new LabelledFeatures("sheila/x_nohash_0.wav", "sheila", "x", 1, a),
                new LabelledFeatures("go/y_nohash_1.wav", "go", "y", 0, b)));
    }

    @Test
    void roundTripKeepsEveryClip() throws IOException {
        Path file = dir.resolve("test.bin");
        sample().write(file);
        FeatureSet back = FeatureSet.read(file);
        assertEquals(2, back.size());
        assertEquals(1, back.positives());
        assertEquals("go/y_nohash_1.wav", back.items().get(1).id());
        assertArrayEquals(sample().items().get(0).features(), back.items().get(0).features());
    }

    @Test
    void corruptedOrTruncatedCacheIsReportedNotLoaded() throws IOException {
        Path file = dir.resolve("test.bin");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 1;
        Files.write(file, bytes);
        IOException flipped = assertThrows(IOException.class, () -> FeatureSet.read(file));
        assertTrue(flipped.getMessage().startsWith(file + ": checksum mismatch"), flipped.getMessage());

        Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));
        IOException truncated = assertThrows(IOException.class, () -> FeatureSet.read(file));
        assertTrue(truncated.getMessage().startsWith(file.toString()), truncated.getMessage());
    }
}
