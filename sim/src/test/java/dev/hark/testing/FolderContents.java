package dev.hark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file below a folder with its bytes, for tests that compare what two runs wrote. */
public final class FolderContents {
    private FolderContents() {
    }

    /** Relative path -> bytes of every file in {@code folder}, in path order. */
    public static Map<String, byte[]> of(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
