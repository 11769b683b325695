/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 5: the fixed-point log2. See Internal/hark_frontend_stages.h and docs/frontend.md,
 * section 9.
 */

#include "Internal/hark_frontend_stages.h"

/* The position of the highest set bit of u >= 1 (63 - clz64), by binary search: no compiler builtin needed. */
static int32_t highest_bit(uint64_t u)
{
    int32_t position = 0;
    for (int32_t step = 32; step > 0; step >>= 1)
    {
        if ((u >> step) != 0)
        {
            u >>= step;
            position += step;
        }
    }
    return position;
}

int32_t hark_frontend_log2_q16(int64_t u)
{
    const int32_t mantissa_bits = HARK_FRONTEND_LOG_MANTISSA_BITS;
    const int64_t two = (int64_t)1 << (mantissa_bits + 1);
    const int32_t e = highest_bit((uint64_t)u);
    /* The mantissa u / 2^e in [1, 2), truncated to Q30. */
    int64_t m = e >= mantissa_bits ? u >> (e - mantissa_bits) : u << (mantissa_bits - e);
    int32_t fraction = 0;
    for (int32_t i = 0; i < HARK_FRONTEND_LOG_FRAC_BITS; i++)
    {
        /* Squaring doubles log2(m); when m passes 2 the next fraction bit is 1 and m is halved back. */
        m = (m * m) >> mantissa_bits;
        fraction <<= 1;
        if (m >= two)
        {
            fraction |= 1;
            m >>= 1;
        }
    }
    return (e << HARK_FRONTEND_LOG_FRAC_BITS) | fraction;
}
