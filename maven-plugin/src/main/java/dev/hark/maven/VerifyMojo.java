package dev.hark.maven;

import dev.hark.firmware.run.ClipVerification;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.ClipFolder;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the clips the user names (a folder of clips, or else the test split of a pipeline workspace) through the
 * simulator and through the firmware of each target (natively on the host, under QEMU for a board) and compares every
 * traced layer byte for byte; the first target whose firmware differs fails the build, naming the clip, layer, step
 * and index of the first differing byte.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class VerifyMojo extends AbstractFirmwareMojo {
    /**
     * A folder of clips to run through the simulator and the firmware: .wav files (16 kHz mono 16-bit, padded or
     * cropped to one second and put through the integer front end, as in training) and .features files (the
     * network's int8 features, frame by frame).
     */
    @Parameter(property = "hark.clips")
    File clips;

    /**
     * The workspace, the folder where the pipeline's stages keep their outputs (corpus, features, models,
     * firmware); without clips, verification runs the clips of its data set's test split, whose features the
     * pipeline keeps there.
     */
    @Parameter(property = "hark.workspace")
    File workspace;

    @Override
    void executeGoal() throws MojoFailureException {
        List<Target> verified = targets();
        if (clips == null && workspace == null) {
            throw new MojoFailureException("The clips to verify are not set: give a folder of .wav or .features files"
                    + " as <clips> (-Dhark.clips=<folder>), or a pipeline workspace whose test split to run as"
                    + " <workspace> (-Dhark.workspace=<folder>).");
        }
        QuantizedModel model = readModel();
        ClipVerification verification = clips != null ? verification(model) : testSplit(model);
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

    /**
     * The workspace's test split, as the pipeline cached its features (the command line computes them when they are
     * missing; that needs the trainer, which the plugin leaves out); features of another size fail naming the file.
     */
    private ClipVerification testSplit(QuantizedModel model) throws MojoFailureException {
        Path cache = FeatureSet.inWorkspace(workspace.toPath(), Split.TEST);
        if (!Files.isRegularFile(cache)) {
            throw new MojoFailureException("The parameter workspace: " + workspace + " holds no features of the test"
                    + " split (" + cache + "); run the pipeline into it first, e.g. hark train -w " + workspace + ".");
        }
        List<LabelledFeatures> items;
        try {
            items = FeatureSet.read(cache).items();
        } catch (IOException e) {
            throw new MojoFailureException("The parameter workspace: " + e.getMessage() + ".", e);
        }
        int size = model.info().inputSize();
        for (LabelledFeatures item : items) {
            if (item.features().length != size) {
                throw new MojoFailureException("The parameter workspace: " + cache + ": clip " + item.id() + " has "
                        + item.features().length + " int8 features, the network takes " + model.info().frames()
                        + " frames x " + model.info().melBins() + " mel bins = " + size + ".");
            }
        }
        if (items.isEmpty()) {
            throw new MojoFailureException("The parameter workspace: " + cache + " holds no clips.");
        }
        getLog().info("Verifying the " + items.size() + " clips of the test split of " + workspace);
        return new ClipVerification(model, items.stream().map(LabelledFeatures::id).toList(),
                items.stream().map(LabelledFeatures::features).toList());
    }
}
