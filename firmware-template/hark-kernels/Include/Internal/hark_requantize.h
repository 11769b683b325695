/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels, private: arm_nn_requantize() with the same results in fewer instructions, for the kernels' inner
 * loops.
 *
 * With CMSIS-NN's default double rounding, requantize(v, M, S) is x = v << max(S, 0), then
 * y = (x * M + 2^30) >> 31 on 64 bits, then y divided by 2^e (e = max(-S, 0)) rounding to nearest, ties away from
 * zero. When |x| < 2^30, 2x fits in 32 bits and (2x * M + 2^31) >> 32, which SMMULR computes in one instruction,
 * is the same y; |y| < 2^30 then. CMSIS-NN's rounding division is floor((a + 2^(e-1)) / 2^e) with
 * a = y + (y < 0 ? -1 : 0) (halves up for y >= 0, down for y < 0: both away from zero). Written as q = a >> (e - 1),
 * then (q + 1) >> 1, it needs neither 2^(e-1) nor a second test of e: with a = q * 2^(e-1) + r, 0 <= r < 2^(e-1),
 * (a + 2^(e-1)) / 2^e = (q + 1) / 2 + r / 2^e, and r / 2^e < 1/2 never carries (q + 1) / 2 past the next whole
 * number. Negative shifts, the common case (every output scale below its input's), come first. Every other value,
 * and the single-rounding build, takes arm_nn_requantize() itself (but for hark_requantize_plus, below).
 */

#ifndef HARK_REQUANTIZE_H
#define HARK_REQUANTIZE_H

#include <stdint.h>

#include "Internal/hark_dsp.h"
#include "arm_nnsupportfunctions.h"

#if defined(ARM_MATH_DSP) && !defined(CMSIS_NN_USE_SINGLE_ROUNDING)
/* (2x * M + 2^31) >> 32: (x * M + 2^30) >> 31 for |x| < 2^30. */
static inline int32_t hark_smmulr_doubled(int32_t x, int32_t multiplier)
{
    int32_t y;
    __asm__("smmulr %0, %1, %2" : "=r"(y) : "r"(x * 2), "r"(multiplier));
    return y;
}
#endif

/* Whether |x| < 2^30, so that 2x fits in 32 bits. */
static inline int hark_fits_doubled(int32_t x)
{
    return (uint32_t)x + 0x40000000u < 0x80000000u;
}

/*
 * For loops over values of one shift and one output offset, which test them once: hark_requantize(v, M, S) + offset
 * in fewer instructions. With double rounding the result is (q + 1) >> 1 + offset with q = (y + sign) >> (e - 1),
 * e = -S (see above), which is (y + sign + (2 * offset + 1) * 2^(e - 1)) >> e: floor divisions by powers of two
 * compose, and an added whole number commutes with the floor. With single rounding (CMSIS_NN_USE_SINGLE_ROUNDING)
 * arm_nn_requantize is (v * M) >> (30 - S) on 64 bits, then (that + 1) >> 1; for S <= -2 the first shift takes at
 * least 32 bits, so it is the high word of v * M (SMMUL) shifted right by -S - 2, and with the offset the whole is
 * (high + (2 * offset + 1) * 2^(-S - 2)) >> (-S - 1). The constant added (the rounding) is computed once a loop.
 */
static inline int64_t hark_requantize_plus_rounding(int32_t shift, int32_t offset)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    return (int64_t)(2 * offset + 1) * ((int64_t)1 << (-shift - 2));
#else
    return (int64_t)(2 * offset + 1) * ((int64_t)1 << (-shift - 1));
#endif
}

/*
 * Whether hark_requantize_plus takes a shift and offset: a negative shift (at most -2 with single rounding, at least
 * -31), an offset of at most 2^14 in magnitude and a rounding below 2^30 in magnitude, so that the sum before the
 * last shift (|y| < 2^30, or |high| < 2^30) fits in 32 bits.
 */
static inline int hark_requantize_plus_applies(int32_t shift, int32_t offset)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    const int32_t most = -2;
#else
    const int32_t most = -1;
#endif
    if (shift > most || shift < -31 || offset < -(1 << 14) || offset > (1 << 14))
    {
        return 0;
    }
    const int64_t rounding = hark_requantize_plus_rounding(shift, offset);
    return rounding > -((int64_t)1 << 30) && rounding < ((int64_t)1 << 30);
}

/*
 * hark_requantize(val, multiplier, shift) + offset for a value below 2^30 in magnitude and a shift and offset
 * hark_requantize_plus_applies to.
 */
static inline __attribute__((always_inline)) int32_t hark_requantize_plus_small(int32_t val, int32_t multiplier,
                                                                              int32_t shift, int32_t offset)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    const int32_t high = (int32_t)(((int64_t)val * multiplier) >> 32);
    return (high + (int32_t)hark_requantize_plus_rounding(shift, offset)) >> (-shift - 1);
#elif defined(ARM_MATH_DSP)
    const int32_t y = hark_smmulr_doubled(val, multiplier);
    return (y + (y >> 31) + (int32_t)hark_requantize_plus_rounding(shift, offset)) >> -shift;
#else
    return arm_nn_requantize(val, multiplier, shift) + offset;
#endif
}

/*
 * As hark_requantize_plus_small, for a value of any size, with the rounding constant
 * (int32_t)hark_requantize_plus_rounding(shift, offset) passed in: a loop that holds it in a register or a struct
 * need not compute it again for each value.
 */
static inline __attribute__((always_inline)) int32_t hark_requantize_plus_rounded(int32_t val, int32_t multiplier,
                                                                                int32_t shift, int32_t offset,
                                                                                int32_t rounding)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    (void)offset;
    const int32_t high = (int32_t)(((int64_t)val * multiplier) >> 32);
    return (high + rounding) >> (-shift - 1);
#elif defined(ARM_MATH_DSP)
    /* 2 * val, which SMMULR takes, overflows exactly when |val| >= 2^30 is too large: ADDS then BVS. */
    int32_t doubled;
    if (__builtin_expect(!__builtin_add_overflow(val, val, &doubled), 1))
    {
        int32_t y;
        __asm__("smmulr %0, %1, %2" : "=r"(y) : "r"(doubled), "r"(multiplier));
        return (y + (y >> 31) + rounding) >> -shift;
    }
    return arm_nn_requantize(val, multiplier, shift) + offset;
#else
    (void)rounding;
    return arm_nn_requantize(val, multiplier, shift) + offset;
#endif
}

/* hark_requantize_plus_small with its rounding constant, (int32_t)hark_requantize_plus_rounding(shift, offset), given. */
static inline __attribute__((always_inline)) int32_t hark_requantize_plus_small_rounded(int32_t val,
                                                                                      int32_t multiplier,
                                                                                      int32_t shift, int32_t offset,
                                                                                      int32_t rounding)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    (void)offset;
    const int32_t high = (int32_t)(((int64_t)val * multiplier) >> 32);
    return (high + rounding) >> (-shift - 1);
#elif defined(ARM_MATH_DSP)
    (void)offset;
    const int32_t y = hark_smmulr_doubled(val, multiplier);
    return (y + (y >> 31) + rounding) >> -shift;
#else
    (void)rounding;
    return arm_nn_requantize(val, multiplier, shift) + offset;
#endif
}

/* As hark_requantize_plus_small, for a value of any size. */
static inline __attribute__((always_inline)) int32_t hark_requantize_plus(int32_t val, int32_t multiplier,
                                                                        int32_t shift, int32_t offset)
{
    return hark_requantize_plus_rounded(val, multiplier, shift, offset,
                                        (int32_t)hark_requantize_plus_rounding(shift, offset));
}

static inline int32_t hark_requantize(int32_t val, int32_t multiplier, int32_t shift)
{
#if defined(ARM_MATH_DSP) && !defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    /* Both expected, so that the compiler keeps this path in line and moves the others out of the loops. */
    if (__builtin_expect(shift < 0, 1) && __builtin_expect(hark_fits_doubled(val), 1))
    {
        const int32_t y = hark_smmulr_doubled(val, multiplier);
        const int32_t q = (y + (y >> 31)) >> (-shift - 1);
        return (q + 1) >> 1;
    }
    if (shift >= 0)
    {
        const int32_t x = (int32_t)((uint32_t)val << shift);
        if (hark_fits_doubled(x))
        {
            return hark_smmulr_doubled(x, multiplier);
        }
    }
#endif
    return arm_nn_requantize(val, multiplier, shift);
}

/* What the requantization of one output (a fully connected call's, a convolution channel's) reads, held in locals. */
typedef struct
{
    int32_t multiplier;
    int32_t shift;
    int32_t output_offset;
    int32_t min;
    int32_t max;
} hark_output_quant;

/*
 * The requantization of one output, its offset added and clamped to the activation range. full_range: the range is
 * all of int8 ([-128, 127], every layer the code generator writes without a fused ReLU), so that one saturating
 * instruction is the clamp where the core has it (ARMv7-M and up).
 */
static inline int8_t hark_requantize_clamped(int32_t sum, const hark_output_quant *out, const int full_range)
{
    int32_t value = hark_requantize(sum, out->multiplier, out->shift) + out->output_offset;
#if defined(__ARM_FEATURE_SAT)
    if (full_range)
    {
        int32_t saturated;
        __asm__("ssat %0, #8, %1" : "=r"(saturated) : "r"(value));
        return (int8_t)saturated;
    }
#else
    (void)full_range;
#endif
    value = value < out->min ? out->min : value;
    value = value > out->max ? out->max : value;
    return (int8_t)value;
}

#endif /* HARK_REQUANTIZE_H */
