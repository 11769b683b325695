package dev.hark.firmware.run;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Clips run through the simulator once and through any number of firmware builds, each compared with it byte for
 * byte ({@link TraceComparison}): the verification the {@code hark verify} command and the Maven plugin's verify
 * goal both run.
 *
 * <pre>
 * ClipVerification verification = new ClipVerification(model, ids, clips);
 * TraceComparison.Result host = verification.run(hostBuild, workDirectory.resolve("run-host"));
 * </pre>
 */
public final class ClipVerification {
    private final QuantizedModel model;
    private final List<String> ids;
    private final List<byte[]> clips;
    private final List<Trace> simulated;

    /**
     * Simulates every clip.
     *
     * @param ids   a name per clip, for the first difference's description
     * @param clips the model's int8 input, one array per clip
     * @throws IllegalArgumentException if the lists differ in length or a clip is not the model's input size
     */
    public ClipVerification(QuantizedModel model, List<String> ids, List<byte[]> clips) {
        if (ids.size() != clips.size()) {
            throw new IllegalArgumentException(ids.size() + " clip names for " + clips.size() + " clips");
        }
        this.model = model;
        this.ids = List.copyOf(ids);
        this.clips = List.copyOf(clips);
        NetworkSimulator simulator = new NetworkSimulator(model);
        List<Trace> traces = new ArrayList<>(clips.size());
        for (byte[] clip : clips) {
            traces.add(simulator.run(clip));
        }
        this.simulated = traces;
    }

    /** The number of clips. */
    public int size() {
        return clips.size();
    }

    /**
     * Runs the clips on {@code build}'s harness in {@code workDirectory} and compares every traced byte.
     *
     * @throws MissingToolException if QEMU is needed and not installed
     * @throws FirmwareRunException if the harness fails
     */
    public TraceComparison.Result run(FirmwareBuild.Result build, Path workDirectory) throws IOException {
        HarnessTrace trace = new HarnessRunner(workDirectory).run(build, clips, model.info().inputSize());
        return TraceComparison.compare(simulated, ids, trace);
    }
}
