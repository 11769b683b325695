/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end: the features of one frame (LogMelFrontend.computeFrame in Java). See hark_frontend.h.
 */

#include "hark_frontend.h"
#include "Internal/hark_frontend_stages.h"

void hark_frontend_compute_frame(hark_frontend_scratch *scratch,
                                 const int16_t frame[HARK_FRONTEND_WINDOW_SAMPLES],
                                 int8_t features[HARK_FRONTEND_MEL_BINS])
{
    /* The FFT input: the windowed frame, zeros up to 512 points, no imaginary part. */
    hark_frontend_window(frame, scratch->re);
    for (int32_t n = HARK_FRONTEND_WINDOW_SAMPLES; n < HARK_FRONTEND_FFT_SIZE; n++)
    {
        scratch->re[n] = 0;
    }
    hark_frontend_fft(scratch->re, scratch->im);
    hark_frontend_power(scratch->re, scratch->im, scratch->power);
    for (int32_t m = 0; m < HARK_FRONTEND_MEL_BINS; m++)
    {
        /* + 1 makes the log of silence exactly 0. */
        const int64_t energy = hark_frontend_mel_energy(scratch->power, m);
        features[m] = hark_frontend_quantize(hark_frontend_log2_q16(energy + 1));
    }
}
