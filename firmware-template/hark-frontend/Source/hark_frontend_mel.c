/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 4: one mel filter's energy. See Internal/hark_frontend_stages.h.
 */

#include "Internal/hark_frontend_stages.h"

/*
 * The sum in two parts, exactly: the weights are 0 .. 32767 (section 8) and a power below 2^46 (section 7), so each
 * product is the weight times the power's low word, a 32 x 32 -> 64-bit multiply-accumulate (UMLAL), plus the
 * weight times its high word (below 2^14) in the high word's sum, which stays below 2^30 because the energy is below
 * 2^62. The compilers take an int16 times an int64 as a 64 x 64-bit multiplication, and the sum of products of the
 * low words as a multiply and an addition with carry.
 */
int64_t hark_frontend_mel_energy(const int64_t power[HARK_FRONTEND_SPECTRUM_BINS], int32_t filter)
{
    const int64_t *bins = power + hark_frontend_mel_first_bin[filter];
    const int16_t *weights = hark_frontend_mel_weights_q15 + hark_frontend_mel_weight_offset[filter];
    const int32_t count = hark_frontend_mel_bin_count[filter];
    uint32_t low = 0, low_carry = 0, high = 0;
    for (int32_t i = 0; i < count; i++)
    {
        const uint64_t bin = (uint64_t)bins[i];
        const uint32_t weight = (uint16_t)weights[i];
#if defined(HARK_FRONTEND_V7M_INSTRUCTIONS)
        __asm__("umlal %0, %1, %2, %3" : "+r"(low), "+r"(low_carry) : "r"(weight), "r"((uint32_t)bin));
#else
        const uint64_t sum = (((uint64_t)low_carry << 32) | low) + (uint64_t)weight * (uint32_t)bin;
        low = (uint32_t)sum;
        low_carry = (uint32_t)(sum >> 32);
#endif
        high += weight * (uint32_t)(bin >> 32);
    }
    return (int64_t)(((uint64_t)(low_carry + high) << 32) | low);
}
