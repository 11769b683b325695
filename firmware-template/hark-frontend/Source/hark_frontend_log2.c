/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 5: the fixed-point log2. See Internal/hark_frontend_stages.h and docs/frontend.md,
 * section 9.
 */

#include "Internal/hark_frontend_stages.h"

/*
 * The position of the highest set bit of u >= 1 (63 - clz64): the highest of its high word, or of its low word. The
 * compilers' count of leading zeros is one instruction on the cores that have it (CLZ) and a library call on the
 * others.
 */
static int32_t highest_bit(uint64_t u)
{
    const uint32_t high = (uint32_t)(u >> 32);
    return high != 0 ? 63 - __builtin_clz(high) : 31 - __builtin_clz((uint32_t)u);
}

/*
 * The squarings of section 9 keep the mantissa below 2 (2^31 in Q30) at the start of each, so it is a uint32 and
 * its square a 32 x 32 -> 64-bit product (UMULL), below 2^62, shifted back below 2^32: the same integers as the
 * int64 arithmetic of the listing, without its 64 x 64-bit multiplication.
 */
typedef char hark_log2_mantissa_fits_uint32[HARK_FRONTEND_LOG_MANTISSA_BITS <= 30 ? 1 : -1];

int32_t hark_frontend_log2_q16(int64_t u)
{
    const int32_t mantissa_bits = HARK_FRONTEND_LOG_MANTISSA_BITS;
    const uint32_t two = (uint32_t)1 << (mantissa_bits + 1);
    const int32_t e = highest_bit((uint64_t)u);
    /* The mantissa u / 2^e in [1, 2), truncated to Q30. */
    uint32_t m = (uint32_t)(e >= mantissa_bits ? u >> (e - mantissa_bits) : u << (mantissa_bits - e));
    int32_t fraction = 0;
    for (int32_t i = 0; i < HARK_FRONTEND_LOG_FRAC_BITS; i++)
    {
        /* Squaring doubles log2(m); when m passes 2 the next fraction bit is 1 and m is halved back. */
        m = (uint32_t)(((uint64_t)m * m) >> mantissa_bits);
        fraction <<= 1;
        if (m >= two)
        {
            fraction |= 1;
            m >>= 1;
        }
    }
    return (e << HARK_FRONTEND_LOG_FRAC_BITS) | fraction;
}
