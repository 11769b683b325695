package dev.hark.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that build firmware from the generated sources: where the builds go. */
abstract class AbstractBuildMojo extends AbstractGenerateMojo {
    /** Where the firmware is built. */
    @Parameter(property = "hark.firmwareDirectory", defaultValue = "${project.build.directory}/hark-firmware",
            required = true)
    File firmwareDirectory;
}
