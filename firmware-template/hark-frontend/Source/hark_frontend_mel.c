/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 4: one mel filter's energy. See Internal/hark_frontend_stages.h.
 */

#include "Internal/hark_frontend_stages.h"

int64_t hark_frontend_mel_energy(const int64_t power[HARK_FRONTEND_SPECTRUM_BINS], int32_t filter)
{
    const int64_t *bins = power + hark_frontend_mel_first_bin[filter];
    const int16_t *weights = hark_frontend_mel_weights_q15 + hark_frontend_mel_weight_offset[filter];
    const int32_t count = hark_frontend_mel_bin_count[filter];
    int64_t energy = 0;
    for (int32_t i = 0; i < count; i++)
    {
        energy += weights[i] * bins[i];
    }
    return energy;
}
