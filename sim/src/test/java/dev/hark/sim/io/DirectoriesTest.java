package dev.hark.sim.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class DirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void deletesATreeAndToleratesItsAbsence() throws IOException {
        Path root = dir.resolve("root");
        Files.writeString(Files.createDirectories(root.resolve("a/b")).resolve("f"), "x");
        Files.writeString(root.resolve("g"), "y");
        Directories.deleteRecursively(root);
        assertFalse(Files.exists(root));
        Directories.deleteRecursively(root);
        assertTrue(Files.isDirectory(dir));
    }
}
