package dev.hark.sim.kernels;

/**
 * The gemmlowp-style Q31 fixed-point primitives of CMSIS-NN's {@code arm_nnsupportfunctions.h}, in the
 * portable-C form that every Cortex-M build reproduces.
 *
 * <p>All arithmetic is on Java {@code int}/{@code long}, whose two's-complement wrapping and arithmetic right
 * shifts are what gcc produces for the C code on every target, so the results are identical bit for bit.
 */
public final class ArmNnFixedPoint {

    /** exp(-1/8) in Q0.31, the centre of the polynomial's interval [-1/4, 0). */
    private static final int EXP_MINUS_ONE_EIGHTH = 1895147668;
    /** 1/3 in Q0.31. */
    private static final int ONE_THIRD = 715827883;
    /**
     * exp(-2^k) in Q0.31 for k = -2 .. 4: the factors applied for each set bit of the input's integer part
     * (bits 24 .. 30 of a Q5.26 value).
     */
    private static final int[] EXP_OF_MINUS_POWERS_OF_TWO = {
        1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242
    };
    /** 48/17 and -32/17 in Q2.29: the Newton-Raphson starting point for 1/x on [1, 2). */
    private static final int FORTY_EIGHT_OVER_SEVENTEEN = 1515870810;
    private static final int MINUS_THIRTY_TWO_OVER_SEVENTEEN = -1010580540;

    private ArmNnFixedPoint() {
    }

    /**
     * {@code arm_nn_doubling_high_mult_no_sat}: {@code (m1 * m2 + 2^30) >> 31} on 64 bits, truncated to 32.
     * Used by requantization, where one operand is a positive multiplier so saturation cannot occur.
     *
     * @param m1 any int32
     * @param m2 any int32
     * @return the rounded high half of the doubled product (wraps for m1 = m2 = INT32_MIN, as in C)
     */
    public static int doublingHighMultNoSat(int m1, int m2) {
        return (int) (((long) m1 * m2 + (1L << 30)) >> 31);
    }

    /**
     * {@code arm_nn_doubling_high_mult} (gemmlowp {@code SaturatingRoundingDoublingHighMul}): the product of
     * two Q31 values, rounded half away from zero, saturating the single overflow case
     * INT32_MIN * INT32_MIN to INT32_MAX.
     *
     * @param m1 any int32
     * @param m2 any int32
     * @return {@code round(m1 * m2 / 2^31)}
     */
    public static int doublingHighMult(int m1, int m2) {
        if (m1 == m2 && m1 == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        // The nudge follows the sign of the product; C's 64-bit division truncates towards zero, as Java's.
        long nudge = ((m1 < 0) ^ (m2 < 0)) ? 1 - (1L << 30) : (1L << 30);
        return (int) ((nudge + (long) m1 * m2) / (1L << 31));
    }

    /**
     * {@code arm_nn_divide_by_power_of_two} (gemmlowp {@code RoundingDivideByPOT}): divides by 2^exponent,
     * rounding to nearest with ties away from zero.
     *
     * @param dividend any int32
     * @param exponent in [0, 31]
     * @return the rounded quotient
     */
    public static int divideByPowerOfTwo(int dividend, int exponent) {
        // For exponent 31 the mask is (INT32_MIN - 1) = INT32_MAX in both C (gcc) and Java.
        int remainderMask = (1 << exponent) - 1;
        int remainder = remainderMask & dividend;
        int result = dividend >> exponent;
        int threshold = (remainderMask >> 1) + (result < 0 ? 1 : 0);
        return remainder > threshold ? result + 1 : result;
    }

    /**
     * {@code arm_nn_mult_by_power_of_two} (gemmlowp {@code SaturatingRoundingMultiplyByPOT} for a positive
     * exponent): {@code val * 2^exponent}, saturated to the int32 range.
     *
     * @param val any int32
     * @param exponent in [1, 31]
     * @return the saturated product
     */
    public static int multByPowerOfTwo(int val, int exponent) {
        int threshold = (1 << (31 - exponent)) - 1;
        if (val > threshold) {
            return Integer.MAX_VALUE;
        }
        if (val < -threshold) {
            return Integer.MIN_VALUE;
        }
        return val << exponent;
    }

    /**
     * {@code arm_nn_exp_on_negative_values} (gemmlowp {@code exp_on_negative_values} for 5 integer bits):
     * exp(x) for x &le; 0.
     *
     * <p>How: x is split into a fractional part in [-1/4, 0), whose exponential comes from a 4th-order Taylor
     * polynomial around -1/8, and the remaining multiples of 1/4, whose exponentials are applied bit by bit
     * as the constant factors exp(-1/4), exp(-1/2), ..., exp(-16).
     *
     * @param val x in Q5.26 (x = val / 2^26), must be &le; 0
     * @return exp(x) in Q0.31; exactly INT32_MAX for x = 0
     */
    public static int expOnNegativeValues(int val) {
        final int quarterBit = 24; // 1/4 in Q5.26
        final int oneQuarter = 1 << quarterBit;
        int valModQuarterMinusQuarter = (val & (oneQuarter - 1)) - oneQuarter;
        int remainder = valModQuarterMinusQuarter - val;

        // Rescale [-1/4, 0) from Q5.26 to Q0.31 and centre it on -1/8.
        int x = (valModQuarterMinusQuarter << 5) + (1 << 28);
        int x2 = doublingHighMult(x, x);
        int x3 = doublingHighMult(x2, x);
        int x4 = doublingHighMult(x2, x2);
        int x4Over4 = divideByPowerOfTwo(x4, 2);
        int x4Over24PlusX3Over6PlusX2Over2 =
                divideByPowerOfTwo(doublingHighMult(x4Over4 + x3, ONE_THIRD) + x2, 1);
        int result = EXP_MINUS_ONE_EIGHTH
                + doublingHighMult(EXP_MINUS_ONE_EIGHTH, x + x4Over24PlusX3Over6PlusX2Over2);

        for (int i = 0; i < EXP_OF_MINUS_POWERS_OF_TWO.length; i++) {
            if ((remainder & (1 << (quarterBit + i))) != 0) {
                result = doublingHighMult(result, EXP_OF_MINUS_POWERS_OF_TWO[i]);
            }
        }
        return val == 0 ? Integer.MAX_VALUE : result;
    }

    /**
     * {@code arm_nn_one_over_one_plus_x_for_x_in_0_1} (gemmlowp {@code one_over_one_plus_x_for_x_in_0_1}):
     * 1 / (1 + x) for x in [0, 1), by three Newton-Raphson steps on the half denominator.
     *
     * @param val x in Q0.31, in [0, INT32_MAX]
     * @return 1 / (1 + x) in Q0.31
     */
    public static int oneOverOnePlusXForXIn0To1(int val) {
        long sum = (long) val + Integer.MAX_VALUE;
        int halfDenominator = (int) ((sum + (sum >= 0 ? 1 : -1)) / 2L); // Q0.31, in [0.5, 1)
        int x = FORTY_EIGHT_OVER_SEVENTEEN + doublingHighMult(halfDenominator, MINUS_THIRTY_TWO_OVER_SEVENTEEN);
        final int oneQ229 = 1 << 29;
        for (int step = 0; step < 3; step++) {
            int halfDenominatorTimesX = doublingHighMult(halfDenominator, x);
            x += multByPowerOfTwo(doublingHighMult(x, oneQ229 - halfDenominatorTimesX), 2);
        }
        // x approximates 1/half_denominator in Q2.29; halving it and rescaling to Q0.31 is one more left shift.
        return multByPowerOfTwo(x, 1);
    }
}
