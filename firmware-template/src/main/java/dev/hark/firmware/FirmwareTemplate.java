package dev.hark.firmware;

import dev.hark.sim.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The C firmware template packaged in this jar: the portable CMSIS-NN subset, hark's glue kernels, board support,
 * the test harness, test programs and the Makefile that builds them with generated network code.
 *
 * <p>The tree is stored as class-path resources under {@value #RESOURCE_ROOT}, and the checked-in index
 * {@value #INDEX_NAME} (packaged beside it) lists every file, one relative path per line with '/' separators.
 */
public final class FirmwareTemplate {

    /** Class-path folder holding the template tree. */
    static final String RESOURCE_ROOT = "dev/hark/firmware-template/";

    /** Name of the index file, at the root of the template tree (it is not itself listed). */
    static final String INDEX_NAME = "template-files.txt";

    /**
     * The template's folders that a user's firmware links beside the generated network: the portable CMSIS-NN
     * subset, hark's glue kernels, the integer front end (with the generated {@code hark_frontend_tables.c/.h}),
     * the PDM microphone decimator (for a board whose microphone gives a 1-bit stream, as the product firmware of
     * the STM32F4-Discovery uses it), and the keyword detector with the listening engine. The rest (boards,
     * harness, product firmware, tests, Makefile) belongs to hark's own builds.
     */
    public static final List<String> RUNTIME_FOLDERS = List.of("cmsis-nn-portable", "hark-kernels", "hark-frontend",
            "hark-audio", "hark-kws");

    /**
     * The template folder whose files belong to the runtime too but at its root, beside the generated sources: the
     * build files of a plain C project ({@code CMakeLists.txt} for CMake's {@code add_subdirectory}, the Make
     * fragment {@code hark.mk}).
     */
    static final String RUNTIME_ROOT_FOLDER = "runtime-root";

    /** A runtime file: where it is in the template, and where it goes in a runtime's directory. */
    private record RuntimeFile(String template, String output) {
    }

    private FirmwareTemplate() {
    }

    /**
     * Lists the template's files.
     *
     * @return relative paths with '/' separators, in index order; unmodifiable
     * @throws IllegalStateException if the index is missing from the class path or lists an unsafe path
     * @throws UncheckedIOException if the index cannot be read
     */
    public static List<String> files() {
        List<String> files = new ArrayList<>();
        try (InputStream in = openResource(INDEX_NAME);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String path = line.strip();
                if (path.isEmpty() || path.startsWith("#")) {
                    continue;
                }
                if (!isSafeRelativePath(path)) {
                    throw new IllegalStateException(INDEX_NAME + " line " + number + ": not a safe relative path: " + path);
                }
                files.add(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_ROOT + INDEX_NAME + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(files);
    }

    /**
     * Copies every template file into {@code dir}, creating it and any subfolders as needed. Each file is written
     * with {@link AtomicFiles}, so a reader never sees a partial file; an existing file of the same name is
     * replaced when its content differs and left untouched (timestamp included, so make rebuilds nothing) when it
     * is the same; other files in {@code dir} are left alone.
     *
     * @param dir destination folder, for example a firmware build's working directory
     * @throws IllegalStateException if the index lists a file that is not on the class path
     * @throws UncheckedIOException naming the file, if a file cannot be written
     */
    public static void extractTo(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        for (String file : files()) {
            Path target = root.resolve(file).normalize();
            try {
                writeIfDifferent(file, target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract firmware template file " + file + " to " + target
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Writes the template file {@code file} to {@code target} unless it already holds it; true if written. */
    private static boolean writeIfDifferent(String file, Path target) throws IOException {
        byte[] content;
        try (InputStream in = openResource(file)) {
            content = in.readAllBytes();
        }
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return false;
        }
        AtomicFiles.write(target, content);
        return true;
    }

    /** The files of {@link #RUNTIME_FOLDERS}, in index order; unmodifiable. */
    public static List<String> runtimeFiles() {
        return runtimeFiles(KernelLibrary.portable());
    }

    /**
     * The runtime files a firmware built against {@code kernels} links, and the build files beside them, as paths in
     * a runtime's directory, in index order; unmodifiable.
     */
    public static List<String> runtimeFiles(KernelLibrary kernels) {
        return runtime(kernels).stream().map(RuntimeFile::output).toList();
    }

    private static List<RuntimeFile> runtime(KernelLibrary kernels) {
        List<String> folders = kernels.runtimeFolders();
        List<RuntimeFile> runtime = new ArrayList<>();
        for (String file : files()) {
            if (folders.stream().anyMatch(folder -> file.startsWith(folder + "/"))) {
                runtime.add(new RuntimeFile(file, file));
            } else if (file.startsWith(RUNTIME_ROOT_FOLDER + "/")) {
                runtime.add(new RuntimeFile(file, file.substring(RUNTIME_ROOT_FOLDER.length() + 1)));
            }
        }
        return Collections.unmodifiableList(runtime);
    }

    /** {@link #syncRuntimeTo(Path, KernelLibrary)} with the portable CMSIS-NN subset. */
    public static List<String> syncRuntimeTo(Path dir) {
        return syncRuntimeTo(dir, KernelLibrary.portable());
    }

    /**
     * Makes {@code dir}'s {@link #RUNTIME_FOLDERS} hold exactly the {@link #runtimeFiles(KernelLibrary)}, and puts the
     * build files at its root: a file is written (atomically) only when its content differs, so an incremental C build recompiles nothing that did not
     * change, and files in those folders that are not runtime files (left by an older hark, or the portable subset
     * when the firmware now links a CMSIS-NN checkout) are deleted, since a C build that compiles every
     * {@code Source/*.c} would link them. Everything outside those folders is left alone.
     *
     * @return the runtime files written (new or changed), in index order
     * @throws UncheckedIOException naming the file, if a file cannot be read, written or deleted
     */
    public static List<String> syncRuntimeTo(Path dir, KernelLibrary kernels) {
        Path root = dir.toAbsolutePath().normalize();
        List<RuntimeFile> runtime = runtime(kernels);
        List<String> written = new ArrayList<>();
        for (RuntimeFile file : runtime) {
            Path target = root.resolve(file.output()).normalize();
            try {
                if (writeIfDifferent(file.template(), target)) {
                    written.add(file.output());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the C runtime file " + target + ": " + e.getMessage(), e);
            }
        }
        Set<Path> wanted = Set.copyOf(runtime.stream().map(file -> root.resolve(file.output()).normalize()).toList());
        for (String folder : RUNTIME_FOLDERS) {
            deleteFilesNotIn(root.resolve(folder), wanted);
        }
        return Collections.unmodifiableList(written);
    }

    private static void deleteFilesNotIn(Path folder, Set<Path> wanted) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(p -> !wanted.contains(p)).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stale C runtime files under " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The template file {@code relativePath} as UTF-8 text.
     *
     * @throws IllegalStateException if it is not on the class path
     * @throws UncheckedIOException if it cannot be read
     */
    public static String readText(String relativePath) {
        try (InputStream in = openResource(relativePath)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_ROOT + relativePath + ": " + e.getMessage(), e);
        }
    }

    private static InputStream openResource(String relativePath) {
        String name = RESOURCE_ROOT + relativePath;
        InputStream in = FirmwareTemplate.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("firmware template resource missing from the class path: " + name);
        }
        return in;
    }

    /** True for paths like "a/b.c": no leading '/', no backslash, no empty, "." or ".." segment. */
    static boolean isSafeRelativePath(String path) {
        if (path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
