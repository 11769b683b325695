package dev.hark.codegen.writer;

import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes generated files into an output directory the way a build tool wants them written:
 * <ul>
 *   <li>a file is rewritten only when its content changed, so timestamps (and incremental builds) stay put;</li>
 *   <li>every write is atomic (temporary file, then rename), so a reader never sees half a file;</li>
 *   <li>files generated last time but not this time are deleted. The generator only ever deletes what it wrote:
 *       it lists its files in the manifest {@value #MANIFEST}, and nothing else in the directory is touched.</li>
 * </ul>
 */
public final class GeneratedFilesWriter {
    /** The manifest: the names of the files the generator owns in the directory, one per line, sorted. */
    public static final String MANIFEST = ".hark-generated";

    /** What a write did, by file name (each list sorted). */
    public record Outcome(List<String> written, List<String> unchanged, List<String> deleted) {
    }

    private GeneratedFilesWriter() {
    }

    /**
     * @param directory created if missing
     * @param files     file name (no directories) to content
     * @throws IOException if a file cannot be read, written or deleted
     */
    public static Outcome write(Path directory, Map<String, String> files) throws IOException {
        Files.createDirectories(directory);
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (String name : new TreeSet<>(files.keySet())) {
            Path file = directory.resolve(requirePlainName(name));
            byte[] content = files.get(name).getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                unchanged.add(name);
            } else {
                AtomicFiles.write(file, content);
                written.add(name);
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String stale : previousFiles(directory)) {
            if (!files.containsKey(stale) && isPlainName(stale) && Files.deleteIfExists(directory.resolve(stale))) {
                deleted.add(stale);
            }
        }
        String manifest = String.join("\n", new TreeSet<>(files.keySet())) + "\n";
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile) || !Files.readString(manifestFile).equals(manifest)) {
            AtomicFiles.writeString(manifestFile, manifest);
        }
        return new Outcome(written, unchanged, deleted);
    }

    private static TreeSet<String> previousFiles(Path directory) throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        TreeSet<String> names = new TreeSet<>();
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        }
        return names;
    }

    private static String requirePlainName(String name) {
        if (!isPlainName(name)) {
            throw new IllegalArgumentException("generated file names are plain names, not " + name);
        }
        return name;
    }

    /** A name without directories that is not hidden: the only kind the manifest may make us delete. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && !name.contains("/") && !name.contains("\\");
    }
}
