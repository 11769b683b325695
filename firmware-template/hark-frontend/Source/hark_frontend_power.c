/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 3: the power spectrum. See Internal/hark_frontend_stages.h.
 */

#include "Internal/hark_frontend_stages.h"

void hark_frontend_power(const int32_t re[HARK_FRONTEND_FFT_SIZE],
                         const int32_t im[HARK_FRONTEND_FFT_SIZE],
                         int64_t power[HARK_FRONTEND_SPECTRUM_BINS])
{
    const int64_t round = (int64_t)1 << (HARK_FRONTEND_POWER_SHIFT - 1);
    for (int32_t k = 0; k < HARK_FRONTEND_SPECTRUM_BINS; k++)
    {
        const int64_t r = re[k];
        const int64_t i = im[k];
        power[k] = (r * r + i * i + round) >> HARK_FRONTEND_POWER_SHIFT;
    }
}
