package dev.hark.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeReplacesTheFileAndLeavesNothingElse() throws IOException {
        Path target = dir.resolve("sub/file.txt");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("file.txt"), names(target.getParent()));
    }

    @Test
    void aFailingWriterLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("file.txt");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("file.txt"), names(dir));
    }

    @Test
    void publishMovesAFinishedFileInPlace() throws IOException {
        Path made = Files.createTempFile(dir, ".made-", ".tmp");
        Files.writeString(made, "made elsewhere");
        Path target = dir.resolve("out.wav");
        AtomicFiles.publish(made, target);
        assertEquals("made elsewhere", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("out.wav"), names(dir));
    }

    @Test
    void writeDirectoryReplacesTheWholeDirectory() throws IOException {
        Path target = dir.resolve("model");
        AtomicFiles.writeDirectory(target, d -> {
            Files.writeString(d.resolve("a"), "1");
            Files.writeString(d.resolve("stale"), "x");
        });
        AtomicFiles.writeDirectory(target, d -> Files.writeString(Files.createDirectory(d.resolve("sub"))
                .resolve("b"), "2"));
        assertEquals(List.of("sub"), names(target));
        assertEquals("2", Files.readString(target.resolve("sub/b")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("model"), names(dir));
    }

    @Test
    void aFailingDirectoryWriterLeavesTheOldDirectory() throws IOException {
        Path target = dir.resolve("model");
        AtomicFiles.writeDirectory(target, d -> Files.writeString(d.resolve("a"), "1"));
        assertThrows(IOException.class, () -> AtomicFiles.writeDirectory(target, d -> {
            Files.writeString(d.resolve("half"), "?");
            throw new IOException("out of space");
        }));
        assertEquals(List.of("a"), names(target));
        assertEquals(List.of("model"), names(dir));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
