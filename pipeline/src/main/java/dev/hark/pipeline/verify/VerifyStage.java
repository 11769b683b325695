package dev.hark.pipeline.verify;

import dev.hark.firmware.run.ClipVerification;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.features.LabelledFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stage 8: run every clip through the firmware on each target and compare every traced layer with the
 * simulator, byte for byte ({@link ClipVerification}). The simulator runs once; each target is compared against the
 * same traces.
 */
public final class VerifyStage {
    private VerifyStage() {
    }

    public static Map<Target, TraceComparison.Result> run(QuantizedModel model, Map<Target, FirmwareBuild.Result> builds,
                                                          List<LabelledFeatures> clips, Path workDirectory,
                                                          PrintStream log) throws IOException {
        return run(model, builds, clips.stream().map(LabelledFeatures::id).toList(),
                clips.stream().map(LabelledFeatures::features).toList(), workDirectory, log);
    }

    /**
     * @param ids      a name per clip
     * @param features the clips' int8 features
     */
    public static Map<Target, TraceComparison.Result> run(QuantizedModel model, Map<Target, FirmwareBuild.Result> builds,
                                                          List<String> ids, List<byte[]> features, Path workDirectory,
                                                          PrintStream log) throws IOException {
        ClipVerification verification = new ClipVerification(model, ids, features);
        Map<Target, TraceComparison.Result> results = new LinkedHashMap<>();
        for (Map.Entry<Target, FirmwareBuild.Result> build : builds.entrySet()) {
            Target target = build.getKey();
            log.println("[verify] " + target.makeName() + ": running " + verification.size() + " clips ...");
            TraceComparison.Result result = verification.run(build.getValue(),
                    workDirectory.resolve("run-" + target.makeName()));
            log.println("[verify] " + target.makeName() + " (" + build.getValue().kernelsAndRounding() + "): "
                    + result.summary());
            results.put(target, result);
        }
        return results;
    }
}
