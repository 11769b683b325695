package dev.hark.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Will write the firmware to a board. hark supports no physical board yet (the firmware runs on the host and on
 * QEMU's mps2-an386), so this goal fails rather than pretend to flash.
 */
@Mojo(name = "flash", threadSafe = true)
public class FlashMojo extends AbstractMojo {
    /** Skips every hark goal. */
    @Parameter(property = "hark.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("hark.skip is set; skipped");
            return;
        }
        throw new MojoFailureException("hark:flash is not available yet: flashing comes with board support, and hark"
                + " supports no physical board so far (the firmware runs on the host and on QEMU's mps2-an386).");
    }
}
