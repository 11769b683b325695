/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: the inline fixed-point helpers, under the names of CMSIS-NN's
 * Include/arm_nnsupportfunctions.h, plus the subset's own arm_nn_portable_* ones. The kernels of this subset use
 * nothing else for their arithmetic.
 *
 * Signed shifts and overflowing additions are undefined behaviour in C, while the library's arithmetic relies on
 * two's complement wrap-around in a few corner cases. The helpers below therefore shift and wrap on unsigned bit
 * patterns and convert back, which gcc, clang and armclang define as two's complement; right shifts of negative
 * values are arithmetic on all of them, as the real library also assumes.
 */

#ifndef ARM_NNSUPPORTFUNCTIONS_H
#define ARM_NNSUPPORTFUNCTIONS_H

#include "arm_nn_math_types.h"
#include "arm_nn_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Left shift by 0..31 with two's complement wrap-around (no undefined behaviour for negative values). */
static inline int32_t arm_nn_portable_shift_left(const int32_t value, const int32_t shift)
{
    return (int32_t)((uint32_t)value << shift);
}

/**
 * @brief Rounding doubling high multiply without saturation: (m1 * m2 + 2^30) >> 31 on 64 bits.
 * @note  Saturation would only matter for m1 = m2 = INT32_MIN, which requantization never sees (multipliers are
 *        positive).
 */
static inline int32_t arm_nn_doubling_high_mult_no_sat(const int32_t m1, const int32_t m2)
{
    const int64_t rounded = (int64_t)m1 * m2 + ((int64_t)1 << 30);
    return (int32_t)(rounded >> 31);
}

/**
 * @brief Rounding divide by 2^exponent, halves rounded away from zero.
 * @param[in] dividend Value to divide.
 * @param[in] exponent Range [0, 31].
 */
static inline int32_t arm_nn_divide_by_power_of_two(const int32_t dividend, const int32_t exponent)
{
    const int32_t remainder_mask = (int32_t)((1u << exponent) - 1u);
    const int32_t remainder = dividend & remainder_mask;
    const int32_t quotient = dividend >> exponent;
    /* A negative quotient was floored; raising the threshold by one turns that into rounding away from zero. */
    const int32_t threshold = (remainder_mask >> 1) + (quotient < 0 ? 1 : 0);
    return quotient + (remainder > threshold ? 1 : 0);
}

/**
 * @brief Requantize: approximately val * multiplier * 2^(shift - 31).
 *
 * Default (double rounding, as TFLite's MultiplyByQuantizedMultiplier): the value is shifted left by max(shift, 0)
 * (wrapping), multiplied with a rounding doubling high multiply, then divided by 2^max(-shift, 0) rounding halves
 * away from zero. With CMSIS_NN_USE_SINGLE_ROUNDING: the 64-bit product is shifted right by 30 - shift, rounded
 * once (halves towards +infinity) and only then narrowed to 32 bits.
 *
 * @param[in] val        Value to requantize.
 * @param[in] multiplier Q31 multiplier, [2^30, 2^31).
 * @param[in] shift      Shift, [-31, 30]; positive means left.
 * @return The requantized value.
 */
static inline int32_t arm_nn_requantize(const int32_t val, const int32_t multiplier, const int32_t shift)
{
#ifdef CMSIS_NN_USE_SINGLE_ROUNDING
    const int64_t product = (int64_t)val * multiplier;
    /* Keep one extra bit below the result, then add half and drop it: a single rounding step, all on 64 bits. */
    const int64_t doubled = product >> (30 - shift);
    return (int32_t)((doubled + 1) >> 1);
#else
    const int32_t left_shift = shift > 0 ? shift : 0;
    const int32_t right_shift = shift > 0 ? 0 : -shift;
    return arm_nn_divide_by_power_of_two(
        arm_nn_doubling_high_mult_no_sat(arm_nn_portable_shift_left(val, left_shift), multiplier), right_shift);
#endif
}

/**
 * @brief The last step of every int8 kernel here: requantize an int32 accumulator, add the output offset, clamp to
 *        the activation range and narrow to int8.
 * @param[in] acc            Accumulator to requantize.
 * @param[in] multiplier     Q31 multiplier, as for arm_nn_requantize().
 * @param[in] shift          Shift, as for arm_nn_requantize().
 * @param[in] out_offset     Output offset, [-128, 127].
 * @param[in] activation_min Lower clamp, >= -128.
 * @param[in] activation_max Upper clamp, <= 127.
 */
static inline int8_t arm_nn_portable_requantize_s8(const int32_t acc,
                                                   const int32_t multiplier,
                                                   const int32_t shift,
                                                   const int32_t out_offset,
                                                   const int32_t activation_min,
                                                   const int32_t activation_max)
{
    int32_t value = arm_nn_requantize(acc, multiplier, shift) + out_offset;
    value = value < activation_min ? activation_min : value;
    value = value > activation_max ? activation_max : value;
    return (int8_t)value;
}

/*
 * The helpers below serve only arm_softmax_s8. They are gemmlowp's fixed-point routines as TFLite's int8 softmax
 * uses them, with 5 integer bits for the scaled differences (Q5.26) and Q0.31 results.
 */

/** @brief Saturating rounding doubling high multiply (as the NEON instruction VQRDMULH). */
static inline int32_t arm_nn_doubling_high_mult(const int32_t m1, const int32_t m2)
{
    if (m1 == NN_Q31_MIN && m2 == NN_Q31_MIN)
    {
        return NN_Q31_MAX;
    }
    /* Round half away from zero: the nudge takes the sign of the product, the division truncates towards zero. */
    const int64_t half = (int64_t)1 << 30;
    const int64_t nudge = ((m1 < 0) != (m2 < 0)) ? 1 - half : half;
    return (int32_t)(((int64_t)m1 * m2 + nudge) / ((int64_t)1 << 31));
}

/** @brief Saturating multiply by 2^exponent, exponent in [0, 30]. */
static inline int32_t arm_nn_mult_by_power_of_two(const int32_t val, const int32_t exponent)
{
    const int32_t threshold = (int32_t)((1u << (31 - exponent)) - 1u);
    if (val > threshold)
    {
        return NN_Q31_MAX;
    }
    if (val < -threshold)
    {
        return NN_Q31_MIN;
    }
    return arm_nn_portable_shift_left(val, exponent);
}

/**
 * @brief exp(x) for x <= 0 given in Q5.26, result in Q0.31.
 *
 * x is split into a part in [-1/4, 0) and a multiple of 1/4. The first is evaluated by a Taylor series around -1/8;
 * the second multiplies in the precomputed exp(-1/4), exp(-1/2), ..., exp(-16), one per set bit.
 */
static inline int32_t arm_nn_exp_on_negative_values(const int32_t val)
{
    static const int32_t exp_of_minus_power_of_two_quarters[7] = {
        1672461947, /* exp(-1/4) */
        1302514674, /* exp(-1/2) */
        790015084,  /* exp(-1) */
        290630308,  /* exp(-2) */
        39332535,   /* exp(-4) */
        720401,     /* exp(-8) */
        242,        /* exp(-16) */
    };
    const int32_t quarter_bit = 24; /* 1/4 in Q5.26 */
    const int32_t quarter = (int32_t)1 << quarter_bit;
    const int32_t val_mod_minus_quarter = (val & (quarter - 1)) - quarter;
    const int32_t remainder = val_mod_minus_quarter - val;

    /* To Q0.31 (times 2^5), then centred on -1/8: x = y + 1/8 for y in [-1/4, 0). */
    const int32_t x = val_mod_minus_quarter * 32 + ((int32_t)1 << 28);
    const int32_t x2 = arm_nn_doubling_high_mult(x, x);
    const int32_t x3 = arm_nn_doubling_high_mult(x2, x);
    const int32_t x4_over_4 = arm_nn_divide_by_power_of_two(arm_nn_doubling_high_mult(x2, x2), 2);
    /* x^4/24 + x^3/6 + x^2/2 = ((x^4/4 + x^3) / 3 + x^2) / 2; 715827883 is 1/3 in Q0.31. */
    const int32_t higher_terms =
        arm_nn_divide_by_power_of_two(arm_nn_doubling_high_mult(x4_over_4 + x3, 715827883) + x2, 1);
    /* exp(-1/8) * (1 + x + ...); 1895147668 is exp(-1/8) in Q0.31. */
    int32_t result = 1895147668 + arm_nn_doubling_high_mult(1895147668, x + higher_terms);

    for (int32_t k = 0; k < 7; k++)
    {
        if ((remainder & ((int32_t)1 << (quarter_bit + k))) != 0)
        {
            result = arm_nn_doubling_high_mult(result, exp_of_minus_power_of_two_quarters[k]);
        }
    }
    return val == 0 ? NN_Q31_MAX : result;
}

/**
 * @brief 1 / (1 + x) for x in [0, 1) given in Q0.31, result in Q2.29 (as gemmlowp's one_over_one_plus_x_for_x_in_0_1).
 *
 * Three Newton-Raphson steps on half the denominator, starting from the linear estimate 48/17 - 32/17 * d.
 */
static inline int32_t arm_nn_one_over_one_plus_x_for_x_in_0_1(const int32_t val)
{
    const int64_t sum = (int64_t)val + NN_Q31_MAX;
    const int32_t half_denominator = (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
    const int32_t one_in_q2_29 = (int32_t)1 << 29;
    int32_t x = 1515870810 + arm_nn_doubling_high_mult(half_denominator, -1010580540);

    for (int32_t step = 0; step < 3; step++)
    {
        const int32_t error = one_in_q2_29 - arm_nn_doubling_high_mult(half_denominator, x);
        x += arm_nn_mult_by_power_of_two(arm_nn_doubling_high_mult(x, error), 2);
    }
    return arm_nn_mult_by_power_of_two(x, 1);
}

#ifdef __cplusplus
}
#endif

#endif /* ARM_NNSUPPORTFUNCTIONS_H */
