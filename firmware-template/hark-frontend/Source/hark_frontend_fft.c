/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 2: the 512-point FFT. See Internal/hark_frontend_stages.h and docs/frontend.md, section 6,
 * which also proves that no value leaves int32 (and no product int64) for any int16 input.
 *
 * Every butterfly computes the integers of section 6; what differs from its listing is the order of the work, which
 * the section allows (independent butterflies in any order) and the shortcuts it names:
 * - a stage runs twiddle by twiddle, each twiddle's butterflies over all blocks of the stage, so that the twiddle is
 *   loaded once a stage instead of once a butterfly;
 * - the twiddles (2^30, 0) (j = 0) and (0, 2^30) (a quarter turn, j = half / 2) multiply nothing: for them the
 *   formula gives tr = re[b], ti = im[b] and tr = im[b], ti = -re[b] exactly; which the code checks in the tables
 *   once a call rather than assumes;
 * - a real input (hark_frontend_fft_real, every frame's) has nothing to permute or add in its imaginary parts until
 *   stage 2 makes them: the first two stages run on the real parts alone and write the imaginary ones.
 */

#include "Internal/hark_frontend_stages.h"

enum
{
    FFT_SIZE = HARK_FRONTEND_FFT_SIZE,
    QUARTER = HARK_FRONTEND_FFT_SIZE / 4 /* the table index of the quarter turn, e^(-i pi / 2) */
};

/* The 9-bit bit reversal of i, stepped along with i (see permute()). */
static inline uint32_t next_reversed(uint32_t r)
{
    /* Adding 1 to i adds 1 at the top bit of r, the carry running downwards: two steps on average. */
    uint32_t bit = FFT_SIZE >> 1;
    while ((r & bit) != 0)
    {
        r ^= bit;
        bit >>= 1;
    }
    return r | bit;
}

/* Puts the values into bit-reversed order (index i swaps with its reversal r), so that the stages run in place. */
static void permute(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE])
{
    uint32_t r = 0;
    for (uint32_t i = 0; i < FFT_SIZE; i++, r = next_reversed(r))
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
    }
}

/* permute() of the real parts alone. */
static void permute_real(int32_t re[FFT_SIZE])
{
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__) ||                     \
    defined(__ARM_ARCH_8_1M_MAIN__)
    /* These cores reverse the 32 bits of a word in one instruction (RBIT); the top 9 are i's reversal. */
    for (uint32_t i = 1; i < FFT_SIZE - 1; i++)
    {
        uint32_t reversed;
        __asm__("rbit %0, %1" : "=r"(reversed) : "r"(i));
        reversed >>= 32 - HARK_FRONTEND_FFT_STAGES;
        if (reversed > i)
        {
            const int32_t re_i = re[i];
            re[i] = re[reversed];
            re[reversed] = re_i;
        }
    }
#else
    uint32_t r = 0;
    for (uint32_t i = 0; i < FFT_SIZE; i++, r = next_reversed(r))
    {
        if (r > i)
        {
            const int32_t re_i = re[i];
            re[i] = re[r];
            re[r] = re_i;
        }
    }
#endif
}

/* Whether the tables hold the two twiddles that multiply nothing, as section 6 states they do. */
static int exact_quarter_turns(void)
{
    return hark_frontend_cos_q30[0] == (int32_t)1 << HARK_FRONTEND_TWIDDLE_FRAC_BITS && hark_frontend_sin_q30[0] == 0 &&
           hark_frontend_cos_q30[QUARTER] == 0 &&
           hark_frontend_sin_q30[QUARTER] == (int32_t)1 << HARK_FRONTEND_TWIDDLE_FRAC_BITS;
}

/*
 * The butterflies of twiddle (c, s) in one stage: a = first, first + len, ... below FFT_SIZE, b = a + half. The
 * products as section 6 writes them: int64, rounded, shifted back to int32.
 */
static void butterflies(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first, int32_t half, int32_t len,
                        int32_t c, int32_t s)
{
    const int64_t round = (int64_t)1 << (HARK_FRONTEND_TWIDDLE_FRAC_BITS - 1);
    const int32_t shift = HARK_FRONTEND_TWIDDLE_FRAC_BITS;
    const int32_t minus_s = -s;
    for (int32_t a = first; a < FFT_SIZE; a += len)
    {
        const int32_t b = a + half;
        const int32_t rb = re[b];
        const int32_t ib = im[b];
        const int32_t tr = (int32_t)(((int64_t)rb * c + (int64_t)ib * s + round) >> shift);
        /* im[b] c - re[b] s as a sum of products (|s| <= 2^30), which the cores take as multiply-accumulates. */
        const int32_t ti = (int32_t)(((int64_t)ib * c + (int64_t)rb * minus_s + round) >> shift);
        const int32_t ar = re[a];
        const int32_t ai = im[a];
        re[b] = ar - tr;
        im[b] = ai - ti;
        re[a] = ar + tr;
        im[a] = ai + ti;
    }
}

/* butterflies() of the twiddle (2^30, 0): tr = re[b], ti = im[b]. */
static void butterflies_by_one(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first, int32_t half, int32_t len)
{
    for (int32_t a = first; a < FFT_SIZE; a += len)
    {
        const int32_t b = a + half;
        const int32_t rb = re[b];
        const int32_t ib = im[b];
        const int32_t ar = re[a];
        const int32_t ai = im[a];
        re[b] = ar - rb;
        im[b] = ai - ib;
        re[a] = ar + rb;
        im[a] = ai + ib;
    }
}

/* butterflies() of the twiddle (0, 2^30), e^(-i pi / 2): tr = im[b], ti = -re[b]. */
static void butterflies_by_minus_i(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first, int32_t half,
                                   int32_t len)
{
    for (int32_t a = first; a < FFT_SIZE; a += len)
    {
        const int32_t b = a + half;
        const int32_t rb = re[b];
        const int32_t ib = im[b];
        const int32_t ar = re[a];
        const int32_t ai = im[a];
        re[b] = ar - ib;
        im[b] = ai + rb;
        re[a] = ar + ib;
        im[a] = ai - rb;
    }
}

/*
 * The butterflies of one block of a stage for j in [j_from, j_to), each with its own twiddle: for the last stages,
 * whose few blocks would make the twiddle-by-twiddle order pay its set-up for one or two butterflies.
 */
static void butterflies_along(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t b0, int32_t half, int32_t stride,
                              int32_t j_from, int32_t j_to)
{
    const int64_t round = (int64_t)1 << (HARK_FRONTEND_TWIDDLE_FRAC_BITS - 1);
    const int32_t shift = HARK_FRONTEND_TWIDDLE_FRAC_BITS;
    for (int32_t j = j_from; j < j_to; j++)
    {
        const int32_t a = b0 + j;
        const int32_t b = a + half;
        const int32_t c = hark_frontend_cos_q30[j * stride];
        const int32_t minus_s = -hark_frontend_sin_q30[j * stride];
        const int32_t rb = re[b];
        const int32_t ib = im[b];
        const int32_t tr = (int32_t)(((int64_t)rb * c - (int64_t)ib * minus_s + round) >> shift);
        const int32_t ti = (int32_t)(((int64_t)ib * c + (int64_t)rb * minus_s + round) >> shift);
        const int32_t ar = re[a];
        const int32_t ai = im[a];
        re[b] = ar - tr;
        im[b] = ai - ti;
        re[a] = ar + tr;
        im[a] = ai + ti;
    }
}

/* Stages from this block length on run block by block (a stage of at most 4 blocks). */
enum
{
    BLOCK_BY_BLOCK_LEN = FFT_SIZE / 4
};

/* The stages of blocks from first_len to FFT_SIZE values, after the permutation and the stages before. */
static void stages(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first_len, int exact)
{
    for (int32_t len = first_len; len <= FFT_SIZE; len <<= 1)
    {
        const int32_t half = len >> 1;
        const int32_t stride = FFT_SIZE / len;
        if (exact && len >= BLOCK_BY_BLOCK_LEN)
        {
            /* j = 0 and the quarter turn j = half / 2 multiply nothing; the others take their twiddles as they go. */
            butterflies_by_one(re, im, 0, half, len);
            butterflies_by_minus_i(re, im, half / 2, half, len);
            for (int32_t b0 = 0; b0 < FFT_SIZE; b0 += len)
            {
                butterflies_along(re, im, b0, half, stride, 1, half / 2);
                butterflies_along(re, im, b0, half, stride, half / 2 + 1, half);
            }
            continue;
        }
        for (int32_t j = 0; j < half; j++)
        {
            const int32_t t = j * stride;
            if (exact && t == 0)
            {
                butterflies_by_one(re, im, j, half, len);
            }
            else if (exact && t == QUARTER)
            {
                butterflies_by_minus_i(re, im, j, half, len);
            }
            else
            {
                butterflies(re, im, j, half, len, hark_frontend_cos_q30[t], hark_frontend_sin_q30[t]);
            }
        }
    }
}

void hark_frontend_fft(int32_t re[HARK_FRONTEND_FFT_SIZE], int32_t im[HARK_FRONTEND_FFT_SIZE])
{
    permute(re, im);
    stages(re, im, 2, exact_quarter_turns());
}

void hark_frontend_fft_real(int32_t re[HARK_FRONTEND_FFT_SIZE], int32_t im[HARK_FRONTEND_FFT_SIZE])
{
    const int exact = exact_quarter_turns();
    if (!exact)
    {
        for (int32_t n = 0; n < FFT_SIZE; n++)
        {
            im[n] = 0;
        }
        hark_frontend_fft(re, im);
        return;
    }
    permute_real(re);
    /*
     * Stages 1 and 2 on blocks of four real values x0..x3: stage 1 (twiddle 1) gives x0 + x1, x0 - x1, x2 + x3,
     * x2 - x3, all real; stage 2 pairs 0 with 2 by the twiddle 1 and 1 with 3 by -i, whose products of the zero
     * imaginary parts are 0.
     */
    for (int32_t a = 0; a < FFT_SIZE; a += 4)
    {
        const int32_t sum_01 = re[a] + re[a + 1];
        const int32_t difference_01 = re[a] - re[a + 1];
        const int32_t sum_23 = re[a + 2] + re[a + 3];
        const int32_t difference_23 = re[a + 2] - re[a + 3];
        re[a] = sum_01 + sum_23;
        im[a] = 0;
        re[a + 1] = difference_01;
        im[a + 1] = -difference_23;
        re[a + 2] = sum_01 - sum_23;
        im[a + 2] = 0;
        re[a + 3] = difference_01;
        im[a + 3] = difference_23;
    }
    stages(re, im, 8, exact);
}
