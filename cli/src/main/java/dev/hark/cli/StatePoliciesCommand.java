package dev.hark.cli;

import dev.hark.pipeline.report.StatePolicyStage;
import dev.hark.pipeline.report.StreamMaterial;
import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StatePolicyComparison;
import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hark state-policies}: how the listening networks do on a test stream under each state policy. */
@Command(name = "state-policies",
        description = "Compare state policies of the listening float and int8 networks (state carried, reset "
                + "periodically, reset after each detection), of the trained model and of the one fine-tuned for "
                + "streaming, on the same test stream of test-split audio, each at "
                + "1 false alarm per hour: hits, misses, false alarms with 95%% intervals. Prints the table and "
                + "writes <work>/state-policies.md. Takes minutes per policy and hour of stream.")
final class StatePoliciesCommand extends PipelineCommand {
    @Mixin
    StreamHoursOption hours;

    @Option(names = "--stream-seed", description = "Seed of the test stream (default: --seed); another seed gives "
            + "another stream of the same material.")
    Long streamSeed;

    @Option(names = "--policies", split = ",", description = "Policies to compare: carried, every=SECONDS, "
            + "detection, every=SECONDS+detection (default: carried, every 2, 5, 10 and 30 s, detection, "
            + "every=10+detection).")
    List<String> policies;

    @Option(names = "--models", split = ",", description = "Which models listen, each as float and int8: trained "
            + "(<work>/float-model and model.hark), stream-tuned (<work>/float-model-stream and model-stream.hark, "
            + "from hark stream-tune) (default: trained).")
    List<String> models;

    @Option(names = "--smoothing", split = ",", description = "Detector smoothings to compare, in posteriors "
            + "averaged (default: the report's).")
    List<Integer> smoothing;

    private static final String TRAINED = "trained";
    private static final String STREAM_TUNED = "stream-tuned";

    @Override
    Integer runLocked() throws Exception {
        List<StatePolicy> chosen = StatePolicyStage.STANDARD_POLICIES;
        if (policies != null) {
            chosen = new ArrayList<>();
            for (String p : policies) {
                try {
                    chosen.add(StatePolicy.parse(p));
                } catch (IllegalArgumentException e) {
                    throw new HarkException(ExitCode.USAGE, "--policies: " + e.getMessage());
                }
            }
        }
        List<Integer> smoothings = smoothing == null ? List.of(DetectorTiming.DEFAULT.smoothingSteps()) : smoothing;
        for (int s : smoothings) {
            try {
                new DetectorTiming(s, DetectorTiming.DEFAULT.refractorySeconds());
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.USAGE, "--smoothing: " + e.getMessage());
            }
        }
        List<String> variants = models == null ? List.of(TRAINED) : models.stream().map(String::trim).toList();
        for (String variant : variants) {
            if (!variant.equals(TRAINED) && !variant.equals(STREAM_TUNED)) {
                throw new HarkException(ExitCode.USAGE, "--models: expected " + TRAINED + " or " + STREAM_TUNED
                        + ", got '" + variant + "'");
            }
        }
        Workspace workspace = pipeline.workspace();
        Map<String, Supplier<StreamingModel>> listeners = new LinkedHashMap<>();
        for (String variant : variants) {
            if (variant.equals(TRAINED)) {
                listeners.putAll(ModelListeners.of(pipeline.floatModel().weights(), ModelInput.read(workspace.model()))
                        .named());
            } else {
                listeners.putAll(streamTuned(workspace).named(STREAM_TUNED));
            }
        }
        StreamMaterial material = StreamMaterial.testSplit(pipeline.data(System.err));
        StatePolicyComparison.Table table = StatePolicyStage.run(material, listeners, hours.hours(),
                streamSeed == null ? pipeline.seed() : streamSeed, chosen, smoothings, System.err);
        String markdown = table.markdown();
        AtomicFiles.writeString(workspace.statePolicyTable(), markdown);
        out().print(markdown);
        out().println("written: " + workspace.statePolicyTable());
        return ExitCode.OK.code();
    }

    /** The workspace's model fine-tuned for streaming, float and int8. */
    private static ModelListeners streamTuned(Workspace workspace) throws IOException {
        Path floatModel = workspace.streamTunedFloatModel();
        if (!Files.isRegularFile(floatModel.resolve(CrnnModelStore.PROPERTIES_FILE))
                || !Files.isRegularFile(workspace.streamTunedModel())) {
            throw new HarkException(ExitCode.BAD_INPUT, floatModel + ": no model fine-tuned for streaming; run `hark "
                    + "stream-tune` first");
        }
        try (SavedCrnn saved = CrnnModelStore.load(floatModel)) {
            return ModelListeners.of(saved.weights(), ModelInput.read(workspace.streamTunedModel()));
        }
    }
}
