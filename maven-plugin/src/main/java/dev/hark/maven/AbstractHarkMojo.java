package dev.hark.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every hark goal takes: the model it works on and the switch that skips it. The model is a setting of the
 * {@code hark} commands too, defined once in {@code dev.hark.config.Setting} (the parameter's Javadoc repeats its
 * description, as Maven reads it from there; a test of the command line module compares them).
 */
abstract class AbstractHarkMojo extends AbstractMojo {
    /** The quantized model file (.hark), as hark quantize writes it. */
    @Parameter(property = "hark.model", required = true)
    File model;

    /** Skips every hark goal. */
    @Parameter(property = "hark.skip", defaultValue = "false")
    boolean skip;

    /** Does the goal's work ({@link #executeGoal}), unless hark.skip is set, which it says. */
    @Override
    public final void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("hark.skip is set; skipped");
        } else {
            executeGoal();
        }
    }

    /** The goal's work. */
    abstract void executeGoal() throws MojoFailureException;
}
