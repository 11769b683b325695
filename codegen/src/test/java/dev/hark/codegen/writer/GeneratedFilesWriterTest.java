package dev.hark.codegen.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class GeneratedFilesWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesNewFilesAndTheManifest() throws IOException {
        GeneratedFilesWriter.Outcome outcome = GeneratedFilesWriter.write(dir, Map.of("b.c", "B", "a.h", "A"));
        assertEquals(List.of("a.h", "b.c"), outcome.written());
        assertEquals("A", Files.readString(dir.resolve("a.h")));
        assertEquals("a.h\nb.c\n", Files.readString(dir.resolve(GeneratedFilesWriter.MANIFEST)));
    }

    @Test
    void leavesUnchangedFilesUntouched() throws IOException {
        GeneratedFilesWriter.write(dir, Map.of("a.c", "same", "b.c", "old"));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("a.c"), old);
        GeneratedFilesWriter.Outcome outcome = GeneratedFilesWriter.write(dir, Map.of("a.c", "same", "b.c", "new"));
        assertEquals(List.of("a.c"), outcome.unchanged());
        assertEquals(List.of("b.c"), outcome.written());
        assertEquals(old, Files.getLastModifiedTime(dir.resolve("a.c")), "an unchanged file is not rewritten");
        assertEquals("new", Files.readString(dir.resolve("b.c")));
    }

    @Test
    void deletesOnlyStaleFilesItGenerated() throws IOException {
        GeneratedFilesWriter.write(dir, Map.of("keep.c", "k", "stale.c", "s"));
        Files.writeString(dir.resolve("user.c"), "mine");
        GeneratedFilesWriter.Outcome outcome = GeneratedFilesWriter.write(dir, Map.of("keep.c", "k"));
        assertEquals(List.of("stale.c"), outcome.deleted());
        assertFalse(Files.exists(dir.resolve("stale.c")));
        assertTrue(Files.exists(dir.resolve("user.c")), "a file the generator did not write is never deleted");
        assertEquals("keep.c\n", Files.readString(dir.resolve(GeneratedFilesWriter.MANIFEST)));
    }

    @Test
    void neverDeletesOutsideTheDirectoryEvenIfTheManifestSaysSo() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.c"), "x");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(GeneratedFilesWriter.MANIFEST), "../outside.c\n.hidden\n");
        GeneratedFilesWriter.write(out, Map.of("a.c", "a"));
        assertTrue(Files.exists(outside));
    }

    @Test
    void rejectsNamesWithDirectories() {
        assertThrows(IllegalArgumentException.class, () -> GeneratedFilesWriter.write(dir, Map.of("x/y.c", "")));
    }
}
