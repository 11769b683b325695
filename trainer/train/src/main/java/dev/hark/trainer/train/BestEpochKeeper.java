package dev.hark.trainer.train;

import dev.hark.trainer.model.EngineArrays;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records each epoch's {@link EpochStats} and keeps a copy of the parameters of the best one ({@link BestEpoch}
 * by {@link EpochStats#betterThan}); when training ends it writes that copy back into the model, so the model
 * leaves training as it was after its best epoch rather than its last.
 *
 * <p>It reads the epoch's numbers from DJL's {@link EvaluatorTrainingListener}, which must come earlier in the
 * listener list (it computes them in its own {@code onEpoch}). The copy lives in Java arrays, off the engine:
 * about 280 KB for the baseline model.
 */
public final class BestEpochKeeper extends TrainingListenerAdapter {
    private final EvaluatorTrainingListener evaluations;
    private final String lossName;
    private final List<EpochStats> history = new ArrayList<>();
    private final BestEpoch<EpochStats, Map<String, float[]>> best = new BestEpoch<>(EpochStats::betterThan);
    private long epochStart;

    /**
     * @param evaluations the listener that computes the evaluators' epoch values
     * @param lossName    the training loss's evaluator name
     */
    public BestEpochKeeper(EvaluatorTrainingListener evaluations, String lossName) {
        this.evaluations = evaluations;
        this.lossName = lossName;
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        epochStart = System.nanoTime();
    }

    @Override
    public void onEpoch(Trainer trainer) {
        long now = System.nanoTime();
        Map<String, Float> latest = evaluations.getLatestEvaluations();
        EpochStats stats = new EpochStats(history.size() + 1, value(latest, "train_" + lossName),
                value(latest, "validate_" + lossName), value(latest, "validate_" + new Accuracy().getName()),
                value(latest, "validate_" + AuFaFrEvaluator.NAME), (now - epochStart) / 1e9);
        epochStart = now;
        history.add(stats);
        best.offer(stats, () -> snapshot(trainer));
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        if (best.isEmpty()) {
            return;
        }
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            float[] kept = best.kept().get(p.getKey());
            if (kept == null) {
                throw new IllegalStateException("the best epoch's copy lacks parameter " + p.getKey());
            }
            EngineArrays.overwrite(p.getValue().getArray(), kept);
        }
    }

    /**
     * Continues a run from a checkpoint: the epochs recorded before it stopped and its best parameters. Call
     * before training starts.
     *
     * @throws IllegalArgumentException if {@code bestEpoch} is outside the history
     */
    public void restore(List<EpochStats> earlier, int bestEpoch, Map<String, float[]> bestParameters) {
        if (bestEpoch < 1 || bestEpoch > earlier.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " outside 1.." + earlier.size());
        }
        history.clear();
        history.addAll(earlier);
        best.restore(earlier.get(bestEpoch - 1), new LinkedHashMap<>(bestParameters));
    }

    /** The best epoch's parameters by name (copies), empty before the first epoch ends. */
    public Map<String, float[]> bestParameters() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        if (!best.isEmpty()) {
            best.kept().forEach((k, v) -> copy.put(k, v.clone()));
        }
        return copy;
    }

    /** Epochs recorded so far, in order. */
    public List<EpochStats> history() {
        return List.copyOf(history);
    }

    /** The best epoch so far (1-based), 0 before the first epoch ends. */
    public int bestEpoch() {
        return best.isEmpty() ? 0 : best.epoch().epoch();
    }

    private static Map<String, float[]> snapshot(Trainer trainer) {
        return snapshot(trainer.getModel().getBlock());
    }

    /** Every parameter of {@code block} by name, copied off the engine, in block order. */
    public static Map<String, float[]> snapshot(ai.djl.nn.Block block) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            copy.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return copy;
    }

    private static double value(Map<String, Float> latest, String key) {
        Float v = latest.get(key);
        if (v == null) {
            throw new IllegalStateException("DJL reported no evaluation " + key + " (has " + latest.keySet() + ")");
        }
        return v;
    }
}
