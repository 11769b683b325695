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
 * and the single-rounding build (but for hark_requantize_negative_shift_plus), takes arm_nn_requantize() itself.
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
 * For loops over values of one shift, which test the shift once: whether hark_requantize_negative_shift_plus takes
 * it.
 * With single rounding (CMSIS_NN_USE_SINGLE_ROUNDING) arm_nn_requantize is (v * M) >> (30 - S) on 64 bits, then
 * (that + 1) >> 1; for S <= -2 the first shift takes at least 32 bits, so it is the high word of v * M (SMMUL)
 * shifted right by -S - 2: floor divisions by powers of two compose, and no value is too large.
 */
static inline int hark_negative_shift_applies(int32_t shift)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    return shift <= -2;
#else
    return shift < 0;
#endif
}

/*
 * hark_requantize(val, multiplier, shift) + offset for a value below 2^30 in magnitude and a shift
 * hark_negative_shift_applies to, given twice_offset_plus_one = 2 * offset + 1 (a loop computes it once). Both
 * roundings end in (q + 1) >> 1; with the offset that is (q + 1 + 2 * offset) >> 1, 2 * offset being even.
 */
static inline __attribute__((always_inline)) int32_t hark_requantize_negative_shift_small_plus(
    int32_t val, int32_t multiplier, int32_t shift, int32_t twice_offset_plus_one)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    const int32_t high = (int32_t)(((int64_t)val * multiplier) >> 32);
    return ((high >> (-shift - 2)) + twice_offset_plus_one) >> 1;
#elif defined(ARM_MATH_DSP)
    const int32_t y = hark_smmulr_doubled(val, multiplier);
    const int32_t q = (y + (y >> 31)) >> (-shift - 1);
    return (q + twice_offset_plus_one) >> 1;
#else
    return arm_nn_requantize(val, multiplier, shift) + (twice_offset_plus_one - 1) / 2;
#endif
}

/* As hark_requantize_negative_shift_small_plus, for a value of any size. */
static inline __attribute__((always_inline)) int32_t hark_requantize_negative_shift_plus(
    int32_t val, int32_t multiplier, int32_t shift, int32_t twice_offset_plus_one)
{
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    return hark_requantize_negative_shift_small_plus(val, multiplier, shift, twice_offset_plus_one);
#else
    if (__builtin_expect(hark_fits_doubled(val), 1))
    {
        return hark_requantize_negative_shift_small_plus(val, multiplier, shift, twice_offset_plus_one);
    }
    return arm_nn_requantize(val, multiplier, shift) + (twice_offset_plus_one - 1) / 2;
#endif
}

static inline int32_t hark_requantize(int32_t val, int32_t multiplier, int32_t shift)
{
#if defined(ARM_MATH_DSP) && !defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    /* Expected, so that the compiler keeps this path in line and moves the others out of the loops. */
    if (__builtin_expect(shift < 0, 1))
    {
        return hark_requantize_negative_shift_plus(val, multiplier, shift, 1);
    }
    const int32_t x = (int32_t)((uint32_t)val << shift);
    if (hark_fits_doubled(x))
    {
        return hark_smmulr_doubled(x, multiplier);
    }
#endif
    return arm_nn_requantize(val, multiplier, shift);
}

#endif /* HARK_REQUANTIZE_H */
