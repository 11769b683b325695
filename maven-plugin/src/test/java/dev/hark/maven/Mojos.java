package dev.hark.maven;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hark.codegen.PlannerKind;
import dev.hark.config.Setting;
import dev.hark.sim.io.Executables;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The goals configured as a pom with only the required settings would configure them (the defaults of {@link
 * Setting}), run directly. */
final class Mojos {
    private Mojos() {
    }

    /** Skips the test unless every tool is on the PATH. */
    static void assumeTools(String... tools) {
        for (String tool : tools) {
            assumeTrue(Executables.isInstalled(tool), tool + " is not installed (scripts/install-deps)");
        }
    }

    /** {@code model} written as {@code model.hark} in {@code dir}. */
    static Path modelFile(Path dir, QuantizedModel model) throws IOException {
        Path file = dir.resolve("model.hark");
        ModelFile.write(model, file);
        return file;
    }

    static GenerateMojo generate(Path model, Path outputDirectory, RecordingLog log) {
        GenerateMojo mojo = new GenerateMojo();
        configure(mojo, model, outputDirectory, log);
        return mojo;
    }

    static SizeMojo size(Path model, Path outputDirectory, Path firmwareDirectory, RecordingLog log) {
        return configure(new SizeMojo(), model, outputDirectory, firmwareDirectory, log);
    }

    static BuildMojo build(Path model, Path outputDirectory, Path firmwareDirectory, RecordingLog log) {
        return configure(new BuildMojo(), model, outputDirectory, firmwareDirectory, log);
    }

    static VerifyMojo verify(Path model, Path clips, Path outputDirectory, Path firmwareDirectory, RecordingLog log) {
        VerifyMojo mojo = configure(new VerifyMojo(), model, outputDirectory, firmwareDirectory, log);
        mojo.clips = clips.toFile();
        return mojo;
    }

    private static <M extends AbstractFirmwareMojo> M configure(M mojo, Path model, Path outputDirectory,
                                                               Path firmwareDirectory, RecordingLog log) {
        configure(mojo, model, outputDirectory, log);
        mojo.targets = List.of(Setting.TARGETS.pluginDefault().orElseThrow().split(","));
        mojo.firmwareDirectory = firmwareDirectory.toFile();
        return mojo;
    }

    /** The parameters' default values, as the plugin descriptor gives them. */
    private static void configure(AbstractGenerateMojo mojo, Path model, Path outputDirectory, RecordingLog log) {
        mojo.model = model.toFile();
        mojo.outputDirectory = outputDirectory.toFile();
        mojo.planner = PlannerKind.valueOf(Setting.PLANNER.pluginDefault().orElseThrow());
        mojo.noComments = Boolean.parseBoolean(Setting.NO_COMMENTS.pluginDefault().orElseThrow());
        mojo.skip = false;
        mojo.cmsisNnDirectory = null;
        mojo.environment = Map.of();
        mojo.setLog(log);
    }
}
