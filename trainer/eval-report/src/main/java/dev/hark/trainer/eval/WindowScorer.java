package dev.hark.trainer.eval;

/**
 * Scores one window of front-end features: the keyword probability of a whole-clip network applied to it.
 * Implementations must be thread-safe: the report scores clips from several threads at once.
 */
@FunctionalInterface
public interface WindowScorer {
    /**
     * @param features int8 log-mel codes {@code [101 frames][40 mels]} row-major, as the front end makes them
     * @return the keyword probability in {@code [0, 1]}
     */
    float score(byte[] features);
}
