package dev.hark.pipeline.verify;

import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.HarnessRunner;
import dev.hark.firmware.run.HarnessTrace;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.trainer.features.LabelledFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 8: run every clip through the firmware on each target and compare every traced layer with the
 * simulator, byte for byte. The simulator runs once; each target is compared against the same traces.
 */
public final class VerifyStage {
    private VerifyStage() {
    }

    public static Map<Target, TraceComparison.Result> run(QuantizedModel model, Map<Target, FirmwareBuild.Result> builds,
                                                          List<LabelledFeatures> clips, Path workDirectory,
                                                          PrintStream log) throws IOException {
        List<byte[]> features = new ArrayList<>(clips.size());
        List<String> ids = new ArrayList<>(clips.size());
        List<Trace> simulated = new ArrayList<>(clips.size());
        NetworkSimulator simulator = new NetworkSimulator(model);
        for (LabelledFeatures clip : clips) {
            features.add(clip.features());
            ids.add(clip.id());
            simulated.add(simulator.run(clip.features()));
        }
        Map<Target, TraceComparison.Result> results = new EnumMap<>(Target.class);
        for (Map.Entry<Target, FirmwareBuild.Result> build : builds.entrySet()) {
            Target target = build.getKey();
            log.println("[verify] " + target.makeName() + ": running " + clips.size() + " clips ...");
            HarnessTrace trace = new HarnessRunner(workDirectory.resolve("run-" + target.makeName()))
                    .run(build.getValue(), features, model.info().inputSize());
            TraceComparison.Result result = TraceComparison.compare(simulated, ids, trace);
            log.println("[verify] " + target.makeName() + ": " + result.summary());
            results.put(target, result);
        }
        return results;
    }
}
