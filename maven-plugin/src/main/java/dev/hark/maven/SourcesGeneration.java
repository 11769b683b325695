package dev.hark.maven;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.GenerationResult;
import dev.hark.codegen.writer.GeneratedFilesWriter;
import dev.hark.firmware.FirmwareTemplate;
import dev.hark.firmware.KernelLibrary;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.Checksums;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.model.io.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Generates a model's C sources and the C runtime they link into one directory, and skips the work when the
 * model's bytes and the settings are those of the last complete generation there.
 *
 * <p>The directory then holds the generated {@code hark_*.c/.h} at its root and the runtime under
 * {@link FirmwareTemplate#RUNTIME_FOLDERS}; a C build adds the root and each runtime folder's {@code Include} to its
 * include path and compiles every {@code .c}.
 *
 * <p>The inputs are summed up in {@value #STAMP}, beside the output: the SHA-256 of this plugin's version, the
 * model's bytes, {@link CodegenConfig#toString()} and the kernel library. It is deleted before anything is written and rewritten
 * (atomically) only after everything is, so an interrupted generation is never taken for a complete one. Output
 * files are written only when their content changes, so a C build after a regeneration recompiles only what
 * changed.
 */
final class SourcesGeneration {
    /** The inputs' hash, a hidden file in the output directory (the generated-files manifest leaves it alone). */
    static final String STAMP = ".hark-inputs.sha256";

    /** This plugin's version: a new generator may write other files for the same inputs. */
    static final String PLUGIN_VERSION = readVersion();

    /**
     * What a run did.
     *
     * @param outputDirectory where the sources are
     * @param generation      the code generator's result; empty when the output was up to date
     * @param runtimeWritten  runtime files written (new or changed); empty when up to date
     */
    record Outcome(Path outputDirectory, Optional<GenerationResult> generation, List<String> runtimeWritten) {
        boolean upToDate() {
            return generation.isEmpty();
        }
    }

    private SourcesGeneration() {
    }

    /**
     * @param config  the model file and output directory are taken from here
     * @param kernels the CMSIS-NN the firmware links: the runtime holds the portable subset only for that one
     * @throws ModelFormatException     naming the model file, if it cannot be read or is not a valid model file
     * @throws IOException              if an output file cannot be written
     * @throws IllegalArgumentException if the configuration is incomplete or the model cannot be expressed in C
     */
    static Outcome run(CodegenConfig config, KernelLibrary kernels) throws IOException {
        config.validate(true);
        Path model = Path.of(config.modelFile());
        byte[] modelBytes;
        try {
            modelBytes = Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(model, "no such file");
        } catch (IOException e) {
            throw new ModelFormatException(model, "cannot be read: " + e.getMessage());
        }
        Path output = Path.of(config.outputDirectory());
        Path stamp = output.resolve(STAMP);
        String inputs = inputsHash(modelBytes, config, kernels);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(inputs)
                && outputsPresent(output, kernels)) {
            return new Outcome(output, Optional.empty(), List.of());
        }
        Files.deleteIfExists(stamp);
        GenerationResult generation = CodeGenerator.generate(ModelFile.fromBytes(modelBytes, model), config);
        List<String> runtimeWritten;
        try {
            runtimeWritten = FirmwareTemplate.syncRuntimeTo(output, kernels);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        AtomicFiles.writeString(stamp, inputs + "\n");
        return new Outcome(output, Optional.of(generation), runtimeWritten);
    }

    /** The SHA-256 of everything the output depends on, as hex. */
    static String inputsHash(byte[] modelBytes, CodegenConfig config, KernelLibrary kernels) {
        String inputs = "hark-maven-plugin " + PLUGIN_VERSION + "\nmodel sha256 " + Checksums.sha256Hex(modelBytes)
                + "\n" + config + "kernels=" + kernels + "\n";
        return Checksums.sha256Hex(inputs.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file of the last generation is still there (someone may have deleted some by hand). */
    private static boolean outputsPresent(Path output, KernelLibrary kernels) throws IOException {
        Path manifest = output.resolve(GeneratedFilesWriter.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        for (String name : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (!name.isBlank() && !Files.isRegularFile(output.resolve(name.strip()))) {
                return false;
            }
        }
        return FirmwareTemplate.runtimeFiles(kernels).stream()
                .allMatch(file -> Files.isRegularFile(output.resolve(file)));
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = SourcesGeneration.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the hark-maven-plugin jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hark-maven-plugin version", e);
        }
        return properties.getProperty("version");
    }
}
