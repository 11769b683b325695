package dev.hark.trainer.eval;

/**
 * The keyword posterior a detector reads: the keyword's probability in 1/256 steps, 0 to 255. The int8 network's
 * softmax gives it directly (its output has scale 1/256 and zero point -128, so the code plus 128); the float
 * network's probability is put on the same grid, so both go through the same integer detector.
 */
public final class KeywordPosterior {
    /** The largest posterior: probability 255/256, where the int8 softmax saturates. */
    public static final int MAX = 255;

    private KeywordPosterior() {
    }

    /** The posterior of an int8 softmax output code (scale 1/256, zero point -128). */
    public static int ofInt8Probability(byte code) {
        return code + 128;
    }

    /**
     * The posterior of a float probability: {@code round(256 p)}, at most {@value #MAX}, the grid of the int8
     * softmax (which also saturates at 255 for any probability above 255.5/256).
     *
     * @throws IllegalArgumentException if {@code p} is outside [0, 1]
     */
    public static int ofProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability is in [0, 1], got " + p);
        }
        return (int) Math.min(MAX, Math.round(p * 256));
    }

    /** The probability a posterior stands for: {@code posterior / 256}. */
    public static double probability(int posterior) {
        return posterior / 256.0;
    }
}
