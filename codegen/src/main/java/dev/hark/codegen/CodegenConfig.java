package dev.hark.codegen;

import java.util.Objects;

/**
 * Everything the code generator is told: the one configuration model that the Java API, the command line and a
 * build plugin all fill in (paths are strings, as a plugin or a properties file gives them).
 *
 * <p>Plain mutable bean with fluent {@code withX} setters:
 * <pre>
 * CodeGenerator.generate(new CodegenConfig()
 *         .withModelFile("build/model.hark")
 *         .withOutputDirectory("firmware/generated"));
 * </pre>
 * {@link #toString()} is a stable text form of every setting, fit to use as a build cache key.
 */
public final class CodegenConfig {
    private String modelFile;
    private String outputDirectory;
    private boolean emitComments = true;
    private PlannerKind planner = PlannerKind.GREEDY;

    /** The {@code .hark} model file to generate code for. Required by {@link CodeGenerator#generate(CodegenConfig)}. */
    public String getModelFile() {
        return modelFile;
    }

    public void setModelFile(String modelFile) {
        this.modelFile = modelFile;
    }

    public CodegenConfig withModelFile(String modelFile) {
        setModelFile(modelFile);
        return this;
    }

    /** Directory the C files are written to; created if missing. Required. */
    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public CodegenConfig withOutputDirectory(String outputDirectory) {
        setOutputDirectory(outputDirectory);
        return this;
    }

    /**
     * Whether to explain every constant, buffer and call in comments (default true). Without, the files hold the
     * same code with only their banners and the API documentation.
     */
    public boolean isEmitComments() {
        return emitComments;
    }

    public void setEmitComments(boolean emitComments) {
        this.emitComments = emitComments;
    }

    public CodegenConfig withEmitComments(boolean emitComments) {
        setEmitComments(emitComments);
        return this;
    }

    /** The arena planner (default {@link PlannerKind#GREEDY}). */
    public PlannerKind getPlanner() {
        return planner;
    }

    public void setPlanner(PlannerKind planner) {
        this.planner = planner;
    }

    public CodegenConfig withPlanner(PlannerKind planner) {
        setPlanner(planner);
        return this;
    }

    /**
     * Checks that the settings can be used.
     *
     * @param needModelFile whether the model comes from {@link #getModelFile()}
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

    @Override
    public boolean equals(Object o) {
        return o instanceof CodegenConfig c && Objects.equals(modelFile, c.modelFile)
                && Objects.equals(outputDirectory, c.outputDirectory) && emitComments == c.emitComments
                && planner == c.planner;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelFile, outputDirectory, emitComments, planner);
    }

    /** One {@code key=value} line per setting, in a fixed order. */
    @Override
    public String toString() {
        return "modelFile=" + modelFile + "\noutputDirectory=" + outputDirectory + "\nemitComments=" + emitComments
                + "\nplanner=" + planner + "\n";
    }
}
