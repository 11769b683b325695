package dev.hark.trainer.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run's complete state after a finished epoch: enough to continue it exactly as if it had never
 * stopped. Written by {@link CheckpointFile}.
 *
 * @param settings       what defines the run (model configuration, training options, objective, data sizes) as
 *                       {@code key -> value}; a resumed run must present the same settings
 * @param epochsDone     finished epochs, 1..epochs
 * @param samplerSeed    the shuffling seed of the next epoch ({@link EpochSeeds#sampler}); checked on resume so
 *                       that a changed derivation cannot silently reorder the rest of the run
 * @param parameters     every model parameter by name, row-major, in block order
 * @param optimizer      the optimizer's moments and update counts
 * @param history        one entry per finished epoch
 * @param bestEpoch      1-based epoch whose parameters are {@code bestParameters}
 * @param bestParameters the best epoch's parameters by name
 */
public record Checkpoint(Map<String, String> settings, int epochsDone, long samplerSeed,
                         Map<String, float[]> parameters, AdamState optimizer, List<EpochStats> history,
                         int bestEpoch, Map<String, float[]> bestParameters) {
    public Checkpoint {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        bestParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bestParameters));
        history = List.copyOf(history);
        if (epochsDone < 1 || history.size() != epochsDone) {
            throw new IllegalArgumentException("checkpoint: " + epochsDone + " epochs done but " + history.size()
                    + " history entries");
        }
        if (bestEpoch < 1 || bestEpoch > epochsDone) {
            throw new IllegalArgumentException("checkpoint: best epoch " + bestEpoch + " outside 1.." + epochsDone);
        }
    }
}
