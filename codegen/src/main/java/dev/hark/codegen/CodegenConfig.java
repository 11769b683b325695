package dev.hark.codegen;

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
 */
public record CodegenConfig(String modelFile, String outputDirectory, boolean emitComments, PlannerKind planner) {

    /** No model file or output directory yet; comments on, the {@link PlannerKind#GREEDY} planner. */
    public CodegenConfig() {
        this(null, null, true, PlannerKind.GREEDY);
    }

    public CodegenConfig withModelFile(String modelFile) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner);
    }

    public CodegenConfig withOutputDirectory(String outputDirectory) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner);
    }

    public CodegenConfig withEmitComments(boolean emitComments) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner);
    }

    public CodegenConfig withPlanner(PlannerKind planner) {
        return new CodegenConfig(modelFile, outputDirectory, emitComments, planner);
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
                + "\nplanner=" + planner + "\n";
    }
}
