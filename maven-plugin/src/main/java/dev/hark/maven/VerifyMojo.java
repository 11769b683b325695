package dev.hark.maven;

import dev.hark.firmware.run.ClipVerification;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.features.ClipFolder;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the clips the user names through the simulator and through the firmware of each target (natively on the
 * host, under QEMU for a board) and compares every traced layer byte for byte; the first target whose firmware
 * differs fails the build, naming the clip, layer, step and index of the first differing byte.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class VerifyMojo extends AbstractFirmwareMojo {
    /**
     * A folder of clips to run through the simulator and the firmware: .wav files (16 kHz mono 16-bit, padded or
     * cropped to one second and put through the integer front end, as in training) and .features files (the
     * network's int8 features, frame by frame).
     */
    @Parameter(property = "hark.clips", required = true)
    File clips;

    @Override
    public void execute() throws MojoFailureException {
        if (skipped()) {
            return;
        }
        List<Target> verified = targets();
        if (clips == null) {
            throw new MojoFailureException("The clips to verify are not set: give a folder of .wav or .features files"
                    + " as <clips> in the plugin's configuration or as -Dhark.clips=<folder>.");
        }
        QuantizedModel model = readModel();
        ClipVerification verification = verification(model);
        Map<Target, FirmwareBuild.Result> builds = buildFirmware(verified, model);
        for (Target target : verified) {
            FirmwareBuild.Result build = builds.get(target);
            TraceComparison.Result result;
            try {
                result = verification.run(build, firmwareDirectory.toPath().resolve("run-" + target.makeName()));
            } catch (FirmwareRunException e) {
                throw failure(e, getLog());
            } catch (IOException e) {
                throw new MojoFailureException("Cannot run the " + target.makeName() + " firmware in "
                        + firmwareDirectory + ": " + e.getMessage(), e);
            }
            getLog().info(target.makeName() + " firmware with " + build.kernelsAndRounding() + ": "
                    + result.summary());
            if (!result.identical()) {
                throw new MojoFailureException("The " + target.makeName() + " firmware differs from the simulator"
                        + " at " + result.firstDifference().orElseThrow() + " (" + result.bytesDiffering() + " of "
                        + result.bytesCompared() + " bytes differ).");
            }
        }
    }

    /** The clips, read and simulated; a bad clip fails naming its file. */
    private ClipVerification verification(QuantizedModel model) throws MojoFailureException {
        List<ClipFolder.NamedFeatures> named;
        try {
            named = ClipFolder.read(clips.toPath(), model.info().frames(), model.info().melBins());
        } catch (IllegalArgumentException | AudioFormatException e) {
            throw new MojoFailureException("The parameter clips: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read the clips in " + clips + ": " + e.getMessage(), e);
        }
        getLog().info("Verifying " + named.size() + " clips from " + clips);
        return new ClipVerification(model, named.stream().map(ClipFolder.NamedFeatures::id).toList(),
                named.stream().map(ClipFolder.NamedFeatures::features).toList());
    }
}
