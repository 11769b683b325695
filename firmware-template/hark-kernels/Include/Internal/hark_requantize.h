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
 * is the same y; |y| < 2^30 then, and the rounding division is (y + 2^(e-1) + (y < 0 ? -1 : 0)) >> e without
 * overflow: for y >= 0 that rounds halves up, for y < 0 the -1 makes halves round down, both away from zero, as
 * CMSIS-NN's remainder test does. Every other value, and the single-rounding build, takes arm_nn_requantize()
 * itself.
 */

#ifndef HARK_REQUANTIZE_H
#define HARK_REQUANTIZE_H

#include <stdint.h>

#include "Internal/hark_dsp.h"
#include "arm_nnsupportfunctions.h"

static inline int32_t hark_requantize(int32_t val, int32_t multiplier, int32_t shift)
{
#if defined(ARM_MATH_DSP) && !defined(CMSIS_NN_USE_SINGLE_ROUNDING)
    const int32_t x = shift > 0 ? (int32_t)((uint32_t)val << shift) : val;
    if ((uint32_t)x + 0x40000000u < 0x80000000u)
    {
        int32_t y;
        __asm__("smmulr %0, %1, %2" : "=r"(y) : "r"(x * 2), "r"(multiplier));
        if (shift >= 0)
        {
            return y;
        }
        const int32_t e = -shift;
        return (y + (int32_t)(1u << (e - 1)) + (y >> 31)) >> e;
    }
#endif
    return arm_nn_requantize(val, multiplier, shift);
}

#endif /* HARK_REQUANTIZE_H */
