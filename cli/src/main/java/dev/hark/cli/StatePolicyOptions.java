package dev.hark.cli;

import dev.hark.pipeline.report.StatePolicyStage;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.StatePolicy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code hark state-policies} compares: the policies, the models listening and the detector smoothings. */
final class StatePolicyOptions {
    static final String TRAINED = "trained";
    static final String STREAM_TUNED = "stream-tuned";

    @Option(names = "--policies", split = ",", description = "Policies to compare: carried, every=SECONDS, "
            + "detection, every=SECONDS+detection (default: carried, every 2, 5, 10 and 30 s, detection, "
            + "every=10+detection).")
    List<String> policies;

    @Option(names = "--models", split = ",", description = "Which models listen, each as float and int8: trained "
            + "(<work>/float-model and model.hark), stream-tuned (<work>/float-model-stream and model-stream.hark, "
            + "from hark stream-tune) (default: trained).")
    List<String> models;

    @Option(names = "--smoothing", split = ",", description = "Detector smoothings to compare, in scores "
            + "averaged (default: the report's).")
    List<Integer> smoothing;

    /** @throws HarkException (usage) naming {@code --policies} and the policy it cannot read */
    List<StatePolicy> policies() {
        if (policies == null) {
            return StatePolicyStage.STANDARD_POLICIES;
        }
        List<StatePolicy> chosen = new ArrayList<>();
        for (String p : policies) {
            try {
                chosen.add(StatePolicy.parse(p));
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.USAGE, "--policies: " + e.getMessage());
            }
        }
        return chosen;
    }

    /** @throws HarkException (usage) naming {@code --smoothing} and why a smoothing cannot be */
    List<Integer> smoothings() {
        List<Integer> smoothings = smoothing == null ? List.of(DetectorTiming.DEFAULT.smoothingSteps()) : smoothing;
        for (int s : smoothings) {
            try {
                new DetectorTiming(s, DetectorTiming.DEFAULT.refractorySeconds());
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.USAGE, "--smoothing: " + e.getMessage());
            }
        }
        return smoothings;
    }

    /**
     * {@link #TRAINED} and {@link #STREAM_TUNED}, as asked for.
     *
     * @throws HarkException (usage) naming {@code --models} and the model it does not know
     */
    List<String> models() {
        List<String> variants = models == null ? List.of(TRAINED) : models.stream().map(String::trim).toList();
        for (String variant : variants) {
            if (!variant.equals(TRAINED) && !variant.equals(STREAM_TUNED)) {
                throw new HarkException(ExitCode.USAGE, "--models: expected " + TRAINED + " or " + STREAM_TUNED
                        + ", got '" + variant + "'");
            }
        }
        return variants;
    }
}
