package dev.hark.pipeline.report;

import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.KeywordStream;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StatePolicyComparison;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.report.EvaluationReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state-policy comparison: the float network and its int8 twin listen to the same test stream under each
 * state policy, each at 1 false alarm per hour, as the report does under its default policy. Long: each policy
 * listens to the whole stream once per model (policies that reset on detections once per threshold tried), so it
 * is a command of its own, not part of the report.
 */
public final class StatePolicyStage {
    /** The policies compared unless others are asked for. */
    public static final List<StatePolicy> STANDARD_POLICIES = List.of(StatePolicy.CARRIED,
            StatePolicy.resetEvery(2), StatePolicy.resetEvery(5), StatePolicy.resetEvery(10),
            StatePolicy.resetEvery(30), StatePolicy.resetAfterEachDetection(), new StatePolicy(10, true));

    private StatePolicyStage() {
    }

    /** {@link #run(StreamMaterial, Map, double, long, List, List, PrintStream)} with one float and int8 pair. */
    public static StatePolicyComparison.Table run(StreamMaterial material, CrnnWeights weights, QuantizedModel model,
                                                  double hours, long seed, List<StatePolicy> policies,
                                                  List<Integer> smoothings, PrintStream log) {
        return run(material, ModelListeners.of(weights, model).named(), hours, seed, policies, smoothings, log);
    }

    /**
     * @param material   the test split's audio
     * @param models     the listening networks by name, a fresh one per call ({@link ModelListeners#named})
     * @param hours      the stream's length
     * @param seed       the stream's seed
     * @param policies   the policies to compare
     * @param smoothings the detector smoothings to compare, in scores
     */
    public static StatePolicyComparison.Table run(StreamMaterial material,
                                                  Map<String, Supplier<StreamingModel>> models, double hours,
                                                  long seed, List<StatePolicy> policies, List<Integer> smoothings,
                                                  PrintStream log) {
        if (material.isEmpty()) {
            throw new IllegalArgumentException("state policies: the test split has no negative clips or noise to "
                    + "build a stream from");
        }
        KeywordStream stream = material.stream(hours * 3600, seed);
        log.printf(Locale.ROOT, "[state policies] test stream: %.2f h, %d keywords, %d other clips, %d noise "
                + "excerpts (seed %d)%n", stream.hours(), stream.keywords().size(), stream.negativePieces(),
                stream.noisePieces(), seed);
        byte[] features = StreamFeatures.of(stream.samples());
        return StatePolicyComparison.run(models, stream, features, policies,
                smoothings, DetectorTiming.DEFAULT, MatchingRule.MLPERF_TINY, EvaluationReport.TARGET_FA_PER_HOUR, log);
    }
}
