package dev.hark.pipeline.workspace;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.program.Lowering;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The workspace's model file carries the workspace's detector ({@link DetectorFile}) in its detector section, so that
 * the firmware generated from the model listens with the detector chosen and measured for it, wherever the model
 * file goes. The detector file stays the record of the choice; the model's section is written from it, never the
 * other way round.
 */
public final class ModelDetector {
    private ModelDetector() {
    }

    /**
     * The model of {@code workspace} with the workspace's detector: its file rewritten (atomically) when its detector
     * section differs; unchanged when the workspace has no detector file.
     *
     * @param model the workspace's model, as read from {@link Workspace#model()}
     * @return the model as its file now holds it
     */
    public static QuantizedModel record(Workspace workspace, QuantizedModel model, PrintStream log)
            throws IOException {
        Optional<DetectionSettings> deployed = DetectorFile.deployed(workspace.detector(), hopFrames(model));
        if (deployed.isEmpty() || deployed.equals(model.knownDetector())) {
            return model;
        }
        QuantizedModel with = model.withDetector(deployed.get());
        ModelFile.write(with, workspace.model());
        log.println("[detector] " + deployed.get().describe() + ": written into " + workspace.model()
                + "'s detector section, which the generated firmware listens with");
        return with;
    }

    /** Feature frames per network step of {@code model} listening. */
    static int hopFrames(QuantizedModel model) {
        return Lowering.lowerStreaming(model, Lowering.defaultAttentionWindow(model)).streaming().hopFrames();
    }
}
