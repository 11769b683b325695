package dev.hark.sim.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Writes files so that a reader (or a run resumed after kill -9) sees either the old file or the complete
 * new one, never a half-written file: the content goes to a temporary file in the same directory, is forced
 * to disk, and is then renamed over the target in one atomic step. A whole directory is written the same way
 * ({@link #writeDirectory}).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Temporary files and directories are created owner-only; what they become should read like any other
     * (rw-r--r--, rwxr-xr-x).
     */
    private static void keepUsualPermissions(Path temp) throws IOException {
        try {
            Files.setPosixFilePermissions(temp,
                    PosixFilePermissions.fromString(Files.isDirectory(temp) ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Other file systems keep their own defaults.
        }
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            publish(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Puts a complete file made by someone else (another program, say) in place of {@code target}: forces it to
     * disk and renames it over the target in one step.
     *
     * @param complete a finished file in {@code target}'s directory (a rename cannot cross file systems); it is
     *                 gone afterwards
     */
    public static void publish(Path complete, Path target) throws IOException {
        keepUsualPermissions(complete);
        force(complete);
        Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Something that fills a fresh, empty directory. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeInto(Path dir) throws IOException;
    }

    /**
     * Writes a whole directory so that {@code target} is either the old directory or the complete new one: the
     * content goes to a temporary sibling, every file is forced to disk, and the sibling is renamed into place.
     * Replacing an existing directory takes two renames (old aside, new in); a reader that looks exactly between
     * them finds no directory, and a crash exactly between them leaves the old one beside it as
     * {@code .<name>.old-*}. Never a half-written directory.
     *
     * @throws IOException on I/O errors; the temporary directory is removed
     */
    public static void writeDirectory(Path target, DirectoryContent content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        Path temp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            content.writeInto(temp);
            keepUsualPermissions(temp);
            forceFiles(temp);
            if (Files.exists(absolute)) {
                Path old = Files.createTempDirectory(parent, "." + name + ".old-");
                Files.delete(old); // only its unique name is wanted
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                Directories.deleteRecursively(old);
            } else {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Directories.deleteRecursively(temp);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceFiles(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p)) {
                    force(p);
                }
            }
        }
    }
}
