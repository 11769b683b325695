package dev.hark.maven;

import dev.hark.codegen.PlannerKind;
import java.nio.file.Path;
import java.util.List;

/** The goals configured as a pom with only the required settings would configure them, run directly. */
final class Mojos {
    private Mojos() {
    }

    static GenerateMojo generate(Path model, Path outputDirectory, RecordingLog log) {
        GenerateMojo mojo = new GenerateMojo();
        configure(mojo, model, outputDirectory, log);
        return mojo;
    }

    static SizeMojo size(Path model, Path outputDirectory, Path firmwareDirectory, RecordingLog log) {
        SizeMojo mojo = new SizeMojo();
        configure(mojo, model, outputDirectory, log);
        mojo.targets = List.of("MPS2_AN386");
        mojo.firmwareDirectory = firmwareDirectory.toFile();
        return mojo;
    }

    /** The parameters' default values, as the plugin descriptor gives them. */
    private static void configure(AbstractGenerateMojo mojo, Path model, Path outputDirectory, RecordingLog log) {
        mojo.model = model.toFile();
        mojo.outputDirectory = outputDirectory.toFile();
        mojo.planner = PlannerKind.GREEDY;
        mojo.noComments = false;
        mojo.skip = false;
        mojo.setLog(log);
    }
}
