package dev.hark.trainer.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything {@link ResumableAdam} remembers between updates, keyed by parameter name (DJL's parameter ids are
 * random per process, names are stable), as plain Java arrays so that it can go into a checkpoint.
 *
 * @param numUpdate the global update count {@code t} of the last update (0 before the first)
 * @param moments   per parameter: how often it was updated and its first and second moment estimates, each
 *                  as long as the parameter, in the parameter's row-major order
 */
public record AdamState(int numUpdate, Map<String, Moments> moments) {
    public AdamState {
        if (numUpdate < 0) {
            throw new IllegalArgumentException("Adam state: negative update count " + numUpdate);
        }
        moments = Map.copyOf(moments);
    }

    /** The state of a fresh optimizer. */
    public static AdamState initial() {
        return new AdamState(0, new LinkedHashMap<>());
    }

    /**
     * One parameter's moments.
     *
     * @param updates  updates applied to this parameter so far
     * @param mean     first moment estimate m
     * @param variance second moment estimate v; same length as {@code mean}
     */
    public record Moments(int updates, float[] mean, float[] variance) {
        public Moments {
            if (updates < 0 || mean.length != variance.length) {
                throw new IllegalArgumentException("Adam moments: " + updates + " updates, " + mean.length
                        + " means, " + variance.length + " variances");
            }
        }
    }
}
