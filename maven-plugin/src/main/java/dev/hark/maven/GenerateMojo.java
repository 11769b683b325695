package dev.hark.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders a quantized model as C (weights, CMSIS-NN calls, the static memory plan; what {@code hark generate}
 * writes) and puts the C runtime those sources link beside them: the portable CMSIS-NN subset (unless the firmware
 * is to link a CMSIS-NN checkout), hark's glue kernels, the front end and the keyword detector. Skipped when the
 * model's bytes and the settings are unchanged since the last generation.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractGenerateMojo {
    @Override
    void executeGoal() throws MojoFailureException {
        generateSources(kernels());
    }
}
