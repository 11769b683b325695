package dev.hark.firmware.run;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A directory ready to build firmware in: the firmware template extracted at its root, the generated network code
 * in {@code generated/}, build output under {@code build/<target>/}.
 *
 * <pre>
 * FirmwareProject project = FirmwareProject.create(dir);
 * CodeGenerator.generate(model, project.generatedDirectory());     // or project.copyGeneratedSources(from)
 * FirmwareBuild.Result host = FirmwareBuild.build(project, Target.HOST);
 * </pre>
 */
public final class FirmwareProject {
    private final Path directory;

    private FirmwareProject(Path directory) {
        this.directory = directory;
    }

    /**
     * Extracts the firmware template into {@code directory} (created if needed; template files are replaced,
     * anything else is left alone).
     *
     * @throws FirmwareRunException if the template cannot be extracted
     */
    public static FirmwareProject create(Path directory) throws FirmwareRunException {
        Path root = directory.toAbsolutePath().normalize();
        try {
            FirmwareTemplate.extractTo(root);
            Files.createDirectories(root.resolve("generated"));
        } catch (IOException | RuntimeException e) {
            throw new FirmwareRunException("cannot extract the firmware template to " + root + ": " + e.getMessage(),
                    e);
        }
        return new FirmwareProject(root);
    }

    /** The project root (absolute), where the Makefile is. */
    public Path directory() {
        return directory;
    }

    /** Where the generated {@code hark_network.*} and {@code hark_model_data.*} files belong. */
    public Path generatedDirectory() {
        return directory.resolve("generated");
    }

    /** Build output of {@code target}. */
    public Path buildDirectory(Target target) {
        return directory.resolve("build").resolve(target.makeName());
    }

    /**
     * Makes {@link #generatedDirectory()} hold exactly the {@code .c} and {@code .h} files of {@code sources}:
     * files whose content differs are copied atomically, identical ones are left untouched (so make recompiles only
     * what changed), and other {@code .c}/{@code .h} files there are removed (the Makefile compiles every
     * {@code .c} it finds, so a stale one would be linked in).
     *
     * @throws FirmwareRunException if {@code sources} has no hark_network.h or a file cannot be copied
     */
    public FirmwareProject copyGeneratedSources(Path sources) throws FirmwareRunException {
        if (!Files.isRegularFile(sources.resolve("hark_network.h"))) {
            throw new FirmwareRunException(sources + ": no hark_network.h, so these are not generated sources");
        }
        Path target = generatedDirectory();
        try {
            List<Path> wanted = cSources(sources);
            Set<String> wantedNames = wanted.stream().map(file -> file.getFileName().toString())
                    .collect(Collectors.toSet());
            for (Path old : cSources(target)) {
                if (!wantedNames.contains(old.getFileName().toString())) {
                    Files.delete(old);
                }
            }
            for (Path file : wanted) {
                Path copy = target.resolve(file.getFileName().toString());
                byte[] content = Files.readAllBytes(file);
                if (!Files.isRegularFile(copy) || !Arrays.equals(Files.readAllBytes(copy), content)) {
                    AtomicFiles.write(copy, content);
                }
            }
        } catch (IOException e) {
            throw new FirmwareRunException("cannot copy generated sources from " + sources + " to " + target + ": "
                    + e.getMessage(), e);
        }
        return this;
    }

    private static List<Path> cSources(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{c,h}")) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }
}
