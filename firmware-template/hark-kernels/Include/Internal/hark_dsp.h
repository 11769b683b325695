/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: the packed 16-bit multiply-accumulates of the Armv7E-M / Armv8-M DSP extension, for the kernels'
 * ARM_MATH_DSP paths (hark_nn_dsp.h says when ARM_MATH_DSP is defined). Every kernel also has a plain C path
 * (Cortex-M0, M3, the host), with the same results.
 */

#ifndef HARK_DSP_H
#define HARK_DSP_H

#include <stdint.h>
#include <string.h>

#include "hark_nn_dsp.h"

#if defined(ARM_MATH_DSP)
#include <arm_acle.h>

/* acc + lo(a) * lo(b) + hi(a) * hi(b), the halves signed 16-bit: two multiply-accumulates in one instruction. */
static inline int32_t hark_smlad(int32_t a, int32_t b, int32_t acc)
{
    return __smlad(a, b, acc);
}

/* acc + lo(a) * lo(b), the halves signed 16-bit (SMLABB). */
static inline int32_t hark_smlabb(int32_t a, int32_t b, int32_t acc)
{
    return __smlabb(a, b, acc);
}

/* acc + hi(a) * lo(b), the halves signed 16-bit (SMLATB). */
static inline int32_t hark_smlatb(int32_t a, int32_t b, int32_t acc)
{
    return __smlatb(a, b, acc);
}

/* Bytes 0 and 2 of v, sign-extended, as the low and high halves. */
static inline int32_t hark_sxtb16(int32_t v)
{
    return __sxtb16(v);
}

/*
 * Bytes 1 and 3 of v, sign-extended, as the low and high halves: SXTB16 with its operand rotated by 8, one
 * instruction (the compilers do not fold a rotation written in C into it).
 */
static inline int32_t hark_sxtb16_odd(int32_t v)
{
    int32_t result;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(result) : "r"(v));
    return result;
}

/* Bytes 1 and 3 of v, sign-extended, each added to the matching half of a (SXTAB16 with ROR #8). */
static inline int32_t hark_sxtab16_odd(int32_t a, int32_t v)
{
    int32_t result;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(result) : "r"(a), "r"(v));
    return result;
}

/* Bytes 0 and 2 of v, sign-extended, each added to the matching half of a. */
static inline int32_t hark_sxtab16(int32_t a, int32_t v)
{
    return __sxtab16(a, v);
}

/* Two neighbouring int16 values from any address (the DSP cores allow unaligned word loads). */
static inline int32_t hark_read_s16x2(const int16_t *p)
{
    int32_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

/* Four neighbouring int8 values from any address. */
static inline int32_t hark_read_s8x4(const int8_t *p)
{
    int32_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}
#endif /* ARM_MATH_DSP */

#endif /* HARK_DSP_H */
