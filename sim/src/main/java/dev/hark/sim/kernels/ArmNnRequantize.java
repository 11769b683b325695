package dev.hark.sim.kernels;

import java.util.Objects;

/**
 * {@code arm_nn_requantize} and {@code arm_nn_requantize_s64}: scaling an accumulator by a real factor
 * {@code multiplier * 2^(shift - 31)} in integer arithmetic, as CMSIS-NN does it.
 *
 * <h2>{@link Rounding#DOUBLE} (CMSIS-NN default, = TFLite {@code MultiplyByQuantizedMultiplier})</h2>
 * <pre>
 *   x = val * 2^max(shift, 0)                               (int32, wraps as C does)
 *   y = (int32)(((int64) x * multiplier + 2^30) &gt;&gt; 31)      (rounding doubling high multiply)
 *   result = y / 2^max(-shift, 0), rounded half away from zero
 * </pre>
 * Rounding twice means a value just below a tie can still round up.
 *
 * <h2>{@link Rounding#SINGLE} ({@code CMSIS_NN_USE_SINGLE_ROUNDING})</h2>
 * <pre>
 *   r = ((int64) val * multiplier) &gt;&gt; (30 - shift)            (64-bit)
 *   result = (int32)((r + 1) &gt;&gt; 1)                         (ties towards +infinity)
 * </pre>
 *
 * <h2>64-bit variant (s16 kernels, the same in both builds)</h2>
 * The Q31 multiplier is first reduced to Q15,
 * {@code m16 = multiplier < 0x7FFF0000 ? (multiplier + 2^15) >> 16 : 0x7FFF}, then
 * {@code r = (int32)((val * m16) >> (14 - shift))} and {@code result = (r + 1) >> 1}.
 */
public final class ArmNnRequantize {

    /** Smallest multiplier TFLite's QuantizeMultiplier returns apart from 0. */
    private static final int MIN_Q31_MULTIPLIER = 1 << 30;

    private ArmNnRequantize() {
    }

    /**
     * {@code arm_nn_requantize}.
     *
     * @param val accumulator; with a positive shift, {@code val << shift} must fit int32 or it wraps as in C
     * @param multiplier Q31 multiplier, normally in [2^30, 2^31 - 1]
     * @param shift exponent in [-31, 30]; positive is a left shift
     * @param r which CMSIS-NN build to reproduce
     * @return the requantized value (not clamped)
     * @throws IllegalArgumentException if shift is outside [-31, 30]
     */
    public static int requantize(int val, int multiplier, int shift, Rounding r) {
        if (shift < -31 || shift > 30) {
            throw new IllegalArgumentException("arm_nn_requantize: shift " + shift + " is outside [-31, 30]");
        }
        return switch (Objects.requireNonNull(r, "rounding")) {
            case DOUBLE -> ArmNnFixedPoint.divideByPowerOfTwo(
                    ArmNnFixedPoint.doublingHighMultNoSat(val * (1 << Math.max(shift, 0)), multiplier),
                    Math.max(-shift, 0));
            // The whole rounding step stays in 64 bits; only the final result is narrowed. (An older
            // header kept the intermediate in an int32, which wraps for results of magnitude >= 2^30;
            // the vectors from the real library show the 64-bit behaviour.)
            case SINGLE -> (int) (((((long) val * multiplier) >> (30 - shift)) + 1) >> 1);
        };
    }

    /**
     * {@code arm_nn_requantize_s64} called the way the s16 kernels call it: with the full Q31 multiplier,
     * which is reduced with {@link #reduceMultiplier(int)} first.
     *
     * @param val 64-bit accumulator, |val| &le; 2^47 keeps the product in range
     * @param multiplier full Q31 multiplier: 0 or in [2^30, 2^31 - 1]
     * @param shift exponent in [-31, 7] (the CMSIS-NN domain; [-49, 14] is accepted)
     * @return the requantized value (not clamped); the C code wraps to -2^30 when the intermediate r is
     *         INT32_MAX, and so does this
     * @throws IllegalArgumentException if the multiplier looks like an already reduced one, or the shift is
     *                                  out of range
     */
    public static int requantizeS64(long val, int multiplier, int shift) {
        if (multiplier < 0 || (multiplier > 0 && multiplier < MIN_Q31_MULTIPLIER)) {
            throw new IllegalArgumentException("arm_nn_requantize_s64: multiplier " + multiplier
                    + " is not a Q31 multiplier in [2^30, 2^31) (already reduced? use requantizeS64Reduced)");
        }
        return requantizeS64Reduced(val, reduceMultiplier(multiplier), shift);
    }

    /**
     * {@code arm_nn_requantize_s64} exactly as declared in C: with a multiplier already reduced to Q15.
     *
     * @param val 64-bit accumulator, |val| &le; 2^47 keeps the product in range
     * @param reducedMultiplier result of {@link #reduceMultiplier(int)}
     * @param shift exponent, [-31, 7] in CMSIS-NN; [-49, 14] is accepted
     * @return the requantized value (not clamped)
     * @throws IllegalArgumentException if the shift is out of range
     */
    public static int requantizeS64Reduced(long val, int reducedMultiplier, int shift) {
        if (shift < -49 || shift > 14) {
            throw new IllegalArgumentException("arm_nn_requantize_s64: shift " + shift + " is outside [-49, 14]");
        }
        int r = (int) ((val * reducedMultiplier) >> (14 - shift));
        return (r + 1) >> 1;
    }

    /**
     * CMSIS-NN's {@code REDUCE_MULTIPLIER}: rounds a Q31 multiplier to Q15, saturating at 0x7FFF.
     *
     * @param multiplier Q31 multiplier, in [0, 2^31 - 1]
     * @return the Q15 multiplier in [0, 0x7FFF]
     */
    public static int reduceMultiplier(int multiplier) {
        return multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
    }
}
