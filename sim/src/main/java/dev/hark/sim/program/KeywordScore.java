package dev.hark.sim.program;

import dev.hark.sim.kernels.ArmNnRequantize;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.quant.QuantizedMultiplier;

/**
 * The number the detector reads from each network step: how far the keyword's logit stands above the strongest
 * other class's, in steps of 1/{@value #STEPS_PER_NAT} nat, plus {@value #EVEN}, clamped to 0 to {@value #MAX}. For
 * two classes this is the keyword's log-odds: {@value #EVEN} is probability 1/2, 144 is e to 1 (0.73), 192 e^4
 * (0.982), 255 about e^7.9 (0.9996) and above.
 *
 * <p>Why not the int8 softmax's probability: its grid is 1/256 in probability, so its top codes are coarse where
 * a detector works. The codes 253, 254 and 255 stand for log-odds about 4.4, 4.8 and everything above 5.5 nats:
 * under a false-alarm budget of hours the strongest negatives and most keywords all reach 255, and no threshold
 * tells them apart. On this grid a step is 1/16 nat up to 7.9 nats (docs/metrics.md, "The keyword score").
 *
 * <p>The int8 network's score is integer arithmetic on its logits, which the firmware's {@code hark_keyword_score}
 * repeats: the difference of two codes (their zero points cancel), times the logits' scale x 16 as a CMSIS-NN
 * multiplier and shift ({@code arm_nn_requantize} in the model's rounding), plus 128, clamped. The float network's
 * is the same grid from its float logits ({@link #ofLogOdds}).
 *
 * @param logits       the traced tensor holding the logits ({@code "logits"})
 * @param keywordClass the keyword's index among the classes
 * @param perCode      one code of the logits in score steps: the logits' scale x {@value #STEPS_PER_NAT}
 * @param rounding     the rounding the model's integers were made for
 */
public record KeywordScore(String logits, int keywordClass, QuantizedMultiplier perCode, Rounding rounding) {
    /** Score steps per nat of log-odds. */
    public static final int STEPS_PER_NAT = 16;
    /** The score of even odds: the keyword's logit equal to the strongest other's. */
    public static final int EVEN = 128;
    /** The largest score. */
    public static final int MAX = 255;

    public KeywordScore {
        if (keywordClass < 0) {
            throw new IllegalArgumentException("keyword score: class " + keywordClass);
        }
    }

    /**
     * The score of a network whose logits are quantized as {@code logitsQuant}.
     *
     * @throws IllegalArgumentException if one code is more than 2^31 score steps (a scale no calibration makes)
     */
    public static KeywordScore of(String logits, int keywordClass, TensorQuant logitsQuant, Rounding rounding) {
        QuantizedMultiplier m = QuantizedMultiplier.of((double) logitsQuant.scale() * STEPS_PER_NAT);
        if (m.shift() > 22) {
            throw new IllegalArgumentException("keyword score: a logit code of " + logitsQuant.scale()
                    + " is too coarse");
        }
        return new KeywordScore(logits, keywordClass, m, rounding);
    }

    /** The score of one step's int8 logits. */
    public int of(byte[] logits) {
        int rival = Integer.MIN_VALUE;
        for (int i = 0; i < logits.length; i++) {
            if (i != keywordClass) {
                rival = Math.max(rival, logits[i]);
            }
        }
        int margin = logits[keywordClass] - rival;
        return clamp(EVEN + ArmNnRequantize.requantize(margin, perCode.multiplier(), perCode.shift(), rounding));
    }

    /** The score of a keyword logit {@code nats} above the strongest other: the float network's. */
    public static int ofLogOdds(double nats) {
        if (Double.isNaN(nats)) {
            throw new IllegalArgumentException("keyword score: log-odds NaN");
        }
        double score = EVEN + Math.rint(nats * STEPS_PER_NAT); // half to even, as Math.rint rounds
        return score <= 0 ? 0 : score >= MAX ? MAX : (int) score;
    }

    /** The score of float logits: the keyword's minus the largest other's, on the same grid. */
    public static int ofLogits(float[] logits, int keywordClass) {
        double rival = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (i != keywordClass) {
                rival = Math.max(rival, logits[i]);
            }
        }
        return ofLogOdds(logits[keywordClass] - rival);
    }

    /** The log-odds, in nats, a score stands for (the lower end of its step). */
    public static double logOdds(int score) {
        return (score - EVEN) / (double) STEPS_PER_NAT;
    }

    /** The probability a score stands for when there are two classes. */
    public static double probability(int score) {
        return 1 / (1 + Math.exp(-logOdds(score)));
    }

    /**
     * The score at the same probability as a posterior of the int8 softmax's grid ({@code p = posterior / 256}),
     * rounded up: how a threshold chosen on that grid carries over.
     *
     * @throws IllegalArgumentException if the posterior is outside 1 to 255
     */
    public static int ofPosterior(int posterior) {
        if (posterior < 1 || posterior > 255) {
            throw new IllegalArgumentException("a posterior threshold is 1 to 255, got " + posterior);
        }
        double p = posterior / 256.0;
        return clamp((int) Math.ceil(EVEN + STEPS_PER_NAT * Math.log(p / (1 - p)) - 1e-9));
    }

    private static int clamp(int score) {
        return Math.max(0, Math.min(MAX, score));
    }
}
