package dev.hark.sim.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds external programs on the {@code PATH}, so a missing one can be reported by name before anything runs. */
public final class Executables {
    private Executables() {
    }

    /** The executable called {@code name} in the first {@code PATH} entry that has one. */
    public static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isInstalled(String name) {
        return find(name).isPresent();
    }
}
