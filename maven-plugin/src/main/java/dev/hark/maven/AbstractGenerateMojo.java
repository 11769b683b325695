package dev.hark.maven;

import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.GenerationResult;
import dev.hark.codegen.PlannerKind;
import dev.hark.config.Setting;
import dev.hark.firmware.KernelLibrary;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.model.io.ModelFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The settings of code generation, shared by every goal that needs the generated sources. They are settings of
 * {@code hark generate} too, defined once in {@link Setting} (the parameters' Javadoc repeats its descriptions, as
 * Maven reads them from there; a test of the command line module compares them).
 */
abstract class AbstractGenerateMojo extends AbstractHarkMojo {
    /** Where the C sources and the C runtime they link are written. */
    @Parameter(property = "hark.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/hark",
            required = true)
    File outputDirectory;

    /** The arena planner: GREEDY or LINEAR. */
    @Parameter(property = "hark.planner", defaultValue = "GREEDY")
    PlannerKind planner;

    /** Leave the explanatory comments out of the generated code. */
    @Parameter(property = "hark.noComments", defaultValue = "false")
    boolean noComments;

    /**
     * The detector the generated firmware listens with instead of the model's, as smoothing,threshold,refractory: the
     * keyword scores averaged (1 to 64), the mean that fires (a keyword score of 1 to 255: log-odds in 1/16 nat plus
     * 128) and the network steps after a detection in which no other fires (0 or more), e.g. 12,192,7. Without it,
     * the detector recorded in the model file (chosen on dev-split streams), or the default detector for a model
     * that records none.
     */
    @Parameter(property = "hark.detector")
    String detector;

    /**
     * A checkout of ARM's CMSIS-NN to build the firmware against instead of hark's portable subset, which the C
     * runtime then leaves out. The environment variable CMSIS_NN_DIR is ignored.
     */
    @Parameter(property = "hark.cmsisNnDirectory")
    File cmsisNnDirectory;

    /** The environment a warning about CMSIS_NN_DIR looks at; tests set their own. */
    Map<String, String> environment = System.getenv();

    /**
     * The kernel library the parameter chooses, after a warning when the environment variable make used to take it
     * from names another.
     */
    KernelLibrary kernels() throws MojoFailureException {
        KernelLibrary kernels;
        try {
            kernels = KernelLibrary.of(cmsisNnDirectory == null ? null : cmsisNnDirectory.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("The parameter cmsisNnDirectory: " + e.getMessage() + ".", e);
        }
        kernels.environmentDisagreement(environment).ifPresent(warning -> getLog().warn(
                Character.toUpperCase(warning.charAt(0)) + warning.substring(1)
                        + "; choose the library with the parameter cmsisNnDirectory."));
        return kernels;
    }

    /** The model, read and checked; a failure names the file and the problem. */
    QuantizedModel readModel() throws MojoFailureException {
        codegenConfig();
        try {
            return ModelFile.read(model.toPath());
        } catch (IOException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    CodegenConfig codegenConfig() throws MojoFailureException {
        if (model == null) {
            throw new MojoFailureException("The hark model file is not set: give it as <model> in the plugin's"
                    + " configuration or as -Dhark.model=<file>.");
        }
        if (!Files.isRegularFile(model.toPath())) {
            throw new MojoFailureException("The hark model file " + model + " (parameter model) "
                    + (Files.isDirectory(model.toPath()) ? "is a directory, not a .hark file." : "does not exist."));
        }
        if (outputDirectory == null) {
            throw new MojoFailureException("The parameter outputDirectory is not set.");
        }
        if (planner == null) {
            throw new MojoFailureException("The parameter planner is not set: use GREEDY or LINEAR.");
        }
        DetectionSettings detection = null;
        if (detector != null && !detector.isBlank()) {
            try {
                detection = DetectionSettings.parse(detector);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("The parameter detector: " + e.getMessage() + ".", e);
            }
        }
        return new CodegenConfig().withModelFile(model.getPath()).withOutputDirectory(outputDirectory.getPath())
                .withPlanner(planner).withEmitComments(!noComments).withDetector(detection);
    }

    /** Generates (or finds up to date) the sources and the runtime for {@code kernels}, and logs which. */
    SourcesGeneration.Outcome generateSources(KernelLibrary kernels) throws MojoFailureException {
        CodegenConfig config = codegenConfig();
        SourcesGeneration.Outcome outcome;
        try {
            outcome = SourcesGeneration.run(config, kernels);
        } catch (IOException e) {
            // A ModelFormatException names the model file; anything else is the output failing.
            throw new MojoFailureException(e instanceof ModelFormatException ? e.getMessage()
                    : "Cannot write the generated sources to " + outputDirectory + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(model + ": " + e.getMessage(), e);
        }
        if (outcome.upToDate()) {
            getLog().info("C sources in " + outputDirectory + " are up to date with " + model
                    + " and the settings; generation skipped");
        } else {
            GenerationResult generation = outcome.generation().orElseThrow();
            getLog().info("Generated C sources from " + model + " into " + outputDirectory + ": "
                    + generation.written().size() + " files written, " + generation.unchanged().size()
                    + " unchanged, " + generation.deleted().size() + " removed; C runtime for " + kernels + ": "
                    + outcome.runtimeWritten().size() + " files written; arena " + generation.arenaBytes()
                    + " bytes");
        }
        return outcome;
    }
}
