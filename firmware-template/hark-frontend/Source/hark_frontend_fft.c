/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 2: the 512-point FFT. See Internal/hark_frontend_stages.h and docs/frontend.md, section 6,
 * which also proves that no value leaves int32 (and no product int64) for any int16 input.
 */

#include "Internal/hark_frontend_stages.h"

/*
 * Puts the input into bit-reversed order (index i swaps with its FFT_STAGES-bit reversal r), so the butterflies
 * can run in place and leave natural order. r is stepped along with i: adding 1 to i adds 1 at the top bit of r,
 * with the carry running downwards, which costs two steps on average instead of FFT_STAGES per index.
 */
static void permute(int32_t re[HARK_FRONTEND_FFT_SIZE], int32_t im[HARK_FRONTEND_FFT_SIZE])
{
    uint32_t r = 0;
    for (uint32_t i = 0; i < HARK_FRONTEND_FFT_SIZE; i++)
    {
        if (r > i)
        {
            const int32_t re_i = re[i];
            const int32_t im_i = im[i];
            re[i] = re[r];
            im[i] = im[r];
            re[r] = re_i;
            im[r] = im_i;
        }
        uint32_t bit = HARK_FRONTEND_FFT_SIZE >> 1;
        while ((r & bit) != 0)
        {
            r ^= bit;
            bit >>= 1;
        }
        r |= bit;
    }
}

void hark_frontend_fft(int32_t re[HARK_FRONTEND_FFT_SIZE], int32_t im[HARK_FRONTEND_FFT_SIZE])
{
    const int64_t round = (int64_t)1 << (HARK_FRONTEND_TWIDDLE_FRAC_BITS - 1);
    permute(re, im);
    for (int32_t len = 2; len <= HARK_FRONTEND_FFT_SIZE; len <<= 1)
    {
        const int32_t half = len >> 1;
        const int32_t stride = HARK_FRONTEND_FFT_SIZE / len;
        for (int32_t b0 = 0; b0 < HARK_FRONTEND_FFT_SIZE; b0 += len)
        {
            for (int32_t j = 0; j < half; j++)
            {
                const int32_t a = b0 + j;
                const int32_t b = a + half;
                /* The twiddle e^(-2 pi i j stride / 512) is (c - i s) / 2^30. */
                const int64_t c = hark_frontend_cos_q30[j * stride];
                const int64_t s = hark_frontend_sin_q30[j * stride];
                const int32_t tr = (int32_t)((re[b] * c + im[b] * s + round) >> HARK_FRONTEND_TWIDDLE_FRAC_BITS);
                const int32_t ti = (int32_t)((im[b] * c - re[b] * s + round) >> HARK_FRONTEND_TWIDDLE_FRAC_BITS);
                const int32_t ar = re[a];
                const int32_t ai = im[a];
                re[b] = ar - tr;
                im[b] = ai - ti;
                re[a] = ar + tr;
                im[a] = ai + ti;
            }
        }
    }
}
