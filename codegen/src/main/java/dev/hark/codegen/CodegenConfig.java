package dev.hark.codegen;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;

/**
 * Everything the code generator is told: the one configuration model that the Java API, the command line and a
 * build plugin all fill in (paths are strings, as a plugin or a properties file gives them).
 *
 * <p>An immutable value, built from the defaults with {@code withX} copies:
 * <pre>
 * CodeGenerator.generate(new CodegenConfig()
 *         .withModelFile("build/model.hark")
 *         .withOutputDirectory("firmware/generated"));
 * </pre>
 * {@link #toString()} is a stable text form of every setting, fit to use as a build cache key.
 *
 * @param modelFile       the {@code .hark} model file to generate code for; required by
 *                        {@link CodeGenerator#generate(CodegenConfig)}
 * @param outputDirectory directory the C files are written to, created if missing; required
 * @param emitComments    whether to explain every constant, buffer and call in comments; without, the files hold
 *                        the same code with only their banners and the API documentation
 * @param planner         the arena planner
 * @param detector        the detector the generated settings give the firmware instead of the model's; null to take
 *                        the model's ({@link QuantizedModel#detector()}: the one chosen for it, else the default)
 */
public record CodegenConfig(String modelFile, String outputDirectory, boolean emitComments, PlannerKind planner,
                            DetectionSettings detector) {

    /**
     * No model file or output directory yet; comments on, the {@link PlannerKind#GREEDY} planner, the model's
     * detector.
     */
    public CodegenConfig() {
        this(null, null, true, PlannerKind.GREEDY, null);
    }

    public CodegenConfig withModelFile(String modelFile) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner, detector);
    }

    public CodegenConfig withOutputDirectory(String outputDirectory) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner, detector);
    }

    public CodegenConfig withEmitComments(boolean emitComments) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner, detector);
    }

    public CodegenConfig withPlanner(PlannerKind planner) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner, detector);
    }

    /** The firmware listens with {@code detector} instead of the model's (null: the model's). */
    public CodegenConfig withDetector(DetectionSettings detector) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner, detector);
    }

    /** The detector the generated firmware listens with for {@code model}: this configuration's, else the model's. */
    public DetectionSettings detectorFor(QuantizedModel model) {
        return detector != null ? detector : model.detector();
    }

    /**
     * Checks that the settings can be used.
     *
     * @param needModelFile whether the model comes from {@link #modelFile()}
     * @throws IllegalArgumentException naming the first missing or invalid setting
     */
    public void validate(boolean needModelFile) {
        if (needModelFile && (modelFile == null || modelFile.isBlank())) {
            throw new IllegalArgumentException("codegen configuration: modelFile is not set (the .hark model file)");
        }
        if (outputDirectory == null || outputDirectory.isBlank()) {
            throw new IllegalArgumentException("codegen configuration: outputDirectory is not set");
        }
        if (planner == null) {
            throw new IllegalArgumentException("codegen configuration: planner is not set (GREEDY or LINEAR)");
        }
    }

    /** One {@code key=value} line per setting, in a fixed order. */
    @Override
    public String toString() {
        return "modelFile=" + modelFile + "\noutputDirectory=" + outputDirectory + "\nemitComments=" + emitComments
                + "\nplanner=" + planner + "\ndetector=" + (detector == null ? "the model's" : detector.toText())
                + "\n";
    }
}
