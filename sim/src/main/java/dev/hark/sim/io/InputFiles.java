package dev.hark.sim.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole input file, turning every way it cannot be read into one problem the caller reports against the file
 * ("no such file", "is a folder, not a file", a file too large to hold in memory), before anything is allocated.
 */
public final class InputFiles {
    /** The largest array the JVM allocates: a file beyond it could never be held, whatever the heap. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    /** Builds the caller's exception from the file and the problem (e.g. its format exception). */
    @FunctionalInterface
    public interface Problem<E extends IOException> {
        E of(Path file, String problem);
    }

    private InputFiles() {
    }

    public static <E extends IOException> byte[] readAllBytes(Path file, Problem<E> problem) throws E {
        if (Files.isDirectory(file)) {
            throw problem.of(file, "is a folder, not a file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw problem.of(file, reason(e));
        }
        if (size > MAX_BYTES) {
            throw problem.of(file, size + " bytes, more than the " + MAX_BYTES + " a file can be read as");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw problem.of(file, reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot be read (" + e.getMessage() + ")";
    }
}
