/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 1: the Hann window. See Internal/hark_frontend_stages.h.
 */

#include "Internal/hark_frontend_stages.h"

void hark_frontend_window(const int16_t frame[HARK_FRONTEND_WINDOW_SAMPLES], int32_t out[HARK_FRONTEND_WINDOW_SAMPLES])
{
    const int32_t round = (int32_t)1 << (HARK_FRONTEND_WINDOW_SHIFT - 1);
    for (int32_t n = 0; n < HARK_FRONTEND_WINDOW_SAMPLES; n++)
    {
        out[n] = ((int32_t)frame[n] * hark_frontend_hann_q15[n] + round) >> HARK_FRONTEND_WINDOW_SHIFT;
    }
}
