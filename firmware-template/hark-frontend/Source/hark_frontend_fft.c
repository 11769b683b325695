/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 2: the 512-point FFT. See Internal/hark_frontend_stages.h and docs/frontend.md, section 6,
 * which also proves that no value leaves int32 (and no product int64) for any int16 input.
 *
 * The FFT of the frame: a real input (section 6: im = 0). Every butterfly computes the integers of section 6; what
 * differs from its listing is the order of the work, which the section allows (independent butterflies in any
 * order), and the shortcuts it names:
 * - a stage runs twiddle by twiddle, each twiddle's butterflies over all blocks of the stage, so that the twiddle is
 *   loaded once a stage instead of once a butterfly; the last stages, of at most four blocks, block by block;
 * - the twiddles (2^30, 0) (j = 0) and (0, 2^30) (a quarter turn, j = half / 2) multiply nothing: for them the
 *   formula gives tr = re[b], ti = im[b] and tr = im[b], ti = -re[b] exactly (the tables hold these values, section
 *   6's facts, which FixedFftTest checks in the tables the code generator writes);
 * - the input's imaginary parts are 0, so there is nothing to permute or add in them until stage 2 makes them: the
 *   first two stages run on the real parts alone, read where the permutation would put them (so nothing is
 *   permuted), and write the imaginary parts.
 */

#include "Internal/hark_frontend_stages.h"

enum
{
    FFT_SIZE = HARK_FRONTEND_FFT_SIZE
};

/*
 * The bit reversal of i + 1 from r, that of i, over the bits up to top_bit: adding 1 to i adds 1 at the top bit of r,
 * the carry running downwards, two steps on average.
 */
static inline uint32_t next_reversed(uint32_t r, uint32_t top_bit)
{
    uint32_t bit = top_bit;
    while ((r & bit) != 0)
    {
        r ^= bit;
        bit >>= 1;
    }
    return r | bit;
}

/* A butterfly's end: b = a - t, a = a + t, t = (tr, ti) its product of b and the twiddle. */
static inline __attribute__((always_inline)) void combine(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t a,
                                                          int32_t b, int32_t tr, int32_t ti)
{
    const int32_t ar = re[a];
    const int32_t ai = im[a];
    re[b] = ar - tr;
    im[b] = ai - ti;
    re[a] = ar + tr;
    im[a] = ai + ti;
}

/*
 * One butterfly, a and b = a + half, of twiddle (c, s), as section 6 writes it: int64 products, rounded, shifted back
 * to int32. im[b] c - re[b] s as a sum of products with minus_s = -s (|s| <= 2^30), which the cores take as
 * multiply-accumulates.
 */
static inline __attribute__((always_inline)) void butterfly(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t a,
                                                            int32_t half, int32_t c, int32_t s, int32_t minus_s)
{
    const int64_t round = (int64_t)1 << (HARK_FRONTEND_TWIDDLE_FRAC_BITS - 1);
    const int32_t shift = HARK_FRONTEND_TWIDDLE_FRAC_BITS;
    const int32_t b = a + half;
    const int32_t rb = re[b];
    const int32_t ib = im[b];
    const int32_t tr = (int32_t)(((int64_t)rb * c + (int64_t)ib * s + round) >> shift);
    const int32_t ti = (int32_t)(((int64_t)ib * c + (int64_t)rb * minus_s + round) >> shift);
    combine(re, im, a, b, tr, ti);
}

/* The butterflies of twiddle (c, s) in one stage: a = first, first + len, ... below FFT_SIZE. */
static void butterflies(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first, int32_t half, int32_t len,
                        int32_t c, int32_t s)
{
    const int32_t minus_s = -s;
    for (int32_t a = first; a < FFT_SIZE; a += len)
    {
        butterfly(re, im, a, half, c, s, minus_s);
    }
}

/*
 * butterflies() of the two twiddles that multiply nothing: (2^30, 0), where tr = re[b], ti = im[b], or with
 * quarter_turn (0, 2^30), e^(-i pi / 2), where tr = im[b], ti = -re[b]. Inlined with quarter_turn a constant.
 */
static inline __attribute__((always_inline)) void butterflies_without_products(int32_t re[FFT_SIZE],
                                                                               int32_t im[FFT_SIZE], int32_t first,
                                                                               int32_t half, int32_t len,
                                                                               int quarter_turn)
{
    for (int32_t a = first; a < FFT_SIZE; a += len)
    {
        const int32_t b = a + half;
        const int32_t tr = quarter_turn ? im[b] : re[b];
        const int32_t ti = quarter_turn ? -re[b] : im[b];
        combine(re, im, a, b, tr, ti);
    }
}

static void butterflies_by_one(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first, int32_t half, int32_t len)
{
    butterflies_without_products(re, im, first, half, len, 0);
}

static void butterflies_by_minus_i(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first, int32_t half,
                                   int32_t len)
{
    butterflies_without_products(re, im, first, half, len, 1);
}

#if defined(HARK_FRONTEND_V7M_INSTRUCTIONS)
/*
 * The assembly loop's steps of a butterfly, on the operands low, high, value, b_offset, round, shift and high_shift:
 * low = (x1 y1 + x2 y2 + round) >> shift, one 64-bit accumulator (low, high) started at the rounding term and two
 * SMLAL, the shift taking bits 30 to 61 from its two words (compilers multiply first, then add the rounding term with
 * a carry); then the two sums of a: a[b_offset] = a[0] - low and a[0] += low, the pointer then stepped by post.
 */
#define HARK_FFT_PRODUCT(x1, y1, x2, y2)                                                                               \
    "mov %[low], %[round]\n\t"                                                                                        \
    "mov %[high], #0\n\t"                                                                                             \
    "smlal %[low], %[high], %[" x1 "], %[" y1 "]\n\t"                                                                  \
    "smlal %[low], %[high], %[" x2 "], %[" y2 "]\n\t"                                                                  \
    "lsr %[low], %[low], %[shift]\n\t"                                                                                \
    "orr %[low], %[low], %[high], lsl %[high_shift]\n\t"
#define HARK_FFT_SUMS(a, post)                                                                                         \
    "ldr %[value], [%[" a "]]\n\t"                                                                                     \
    "sub %[high], %[value], %[low]\n\t"                                                                               \
    "str %[high], [%[" a "], %[b_offset]]\n\t"                                                                        \
    "add %[value], %[value], %[low]\n\t"                                                                              \
    "str %[value], [%[" a "]]" post "\n\t"
#define HARK_FFT_CONSTANTS                                                                                             \
    [round] "i"((int32_t)1 << (HARK_FRONTEND_TWIDDLE_FRAC_BITS - 1)), [shift] "i"(HARK_FRONTEND_TWIDDLE_FRAC_BITS),    \
        [high_shift] "i"(32 - HARK_FRONTEND_TWIDDLE_FRAC_BITS)

/*
 * The butterflies of butterflies_along() in one assembly loop, for a twiddle step of twiddle_bytes (a literal: the
 * loads step by an immediate, which keeps the loop in 13 registers): 29 instructions a butterfly, where the
 * compilers take 36 (see HARK_FFT_PRODUCT, and three values reloaded from the stack). A macro rather than a function
 * so that the step is a literal at every optimization level. On the variables of butterflies_along().
 */
#define HARK_FFT_BUTTERFLIES_ALONG(twiddle_bytes)                                                                      \
    __asm__ volatile("1:\n\t"                                                                                          \
                     "ldr %[c], [%[cosines]], #" #twiddle_bytes "\n\t"                                                 \
                     "ldr %[s], [%[sines]], #" #twiddle_bytes "\n\t"                                                   \
                     "ldr %[rb], [%[pa_re], %[b_offset]]\n\t"                                                          \
                     "ldr %[ib], [%[pa_im], %[b_offset]]\n\t"                                                          \
                     /* tr = (rb c + ib s + round) >> shift; re[b] = re[a] - tr, re[a] += tr */                      \
                     HARK_FFT_PRODUCT("rb", "c", "ib", "s") HARK_FFT_SUMS("pa_re", ", #4")                           \
                     /* ti = (ib c - rb s + round) >> shift; im[b] = im[a] - ti, im[a] += ti */                      \
                     "rsb %[s], %[s], #0\n\t"                                                                          \
                     HARK_FFT_PRODUCT("ib", "c", "rb", "s") HARK_FFT_SUMS("pa_im", ", #4")                           \
                     "cmp %[pa_re], %[end]\n\t"                                                                        \
                     "blo 1b\n\t"                                                                                      \
                     : [pa_re] "+&r"(pa_re), [pa_im] "+&r"(pa_im), [cosines] "+&r"(cosines),                        \
                       [sines] "+&r"(sines), [c] "=&r"(c), [s] "=&r"(s), [rb] "=&r"(rb), [ib] "=&r"(ib),             \
                       [low] "=&r"(low), [high] "=&r"(high), [value] "=&r"(value)                                    \
                     : [b_offset] "r"(b_offset), [end] "r"(end), HARK_FFT_CONSTANTS                                  \
                     : "cc", "memory")
#endif

/*
 * The butterflies of one block of a stage for j in [j_from, j_to), j_from < j_to, each with its own twiddle: for the
 * last stages, whose few blocks would make the twiddle-by-twiddle order pay its set-up for one or two butterflies.
 */
static void butterflies_along(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t b0, int32_t half, int32_t stride,
                              int32_t j_from, int32_t j_to)
{
#if defined(HARK_FRONTEND_V7M_INSTRUCTIONS)
    {
        int32_t *pa_re = re + b0 + j_from;
        int32_t *pa_im = im + b0 + j_from;
        const int32_t *const end = re + b0 + j_to;
        const int32_t b_offset = half * (int32_t)sizeof(int32_t);
        const int32_t *cosines = hark_frontend_cos_q30 + j_from * stride;
        const int32_t *sines = hark_frontend_sin_q30 + j_from * stride;
        int32_t c, s, rb, ib, low, high, value;
        /* The strides of the block-by-block stages (lengths 512 / 4, 512 / 2, 512), each with its step in bytes. */
        switch (stride)
        {
        case 4:
            HARK_FFT_BUTTERFLIES_ALONG(16);
            return;
        case 2:
            HARK_FFT_BUTTERFLIES_ALONG(8);
            return;
        case 1:
            HARK_FFT_BUTTERFLIES_ALONG(4);
            return;
        default:
            break;
        }
    }
#endif
    for (int32_t j = j_from; j < j_to; j++)
    {
        const int32_t s = hark_frontend_sin_q30[j * stride];
        butterfly(re, im, b0 + j, half, hark_frontend_cos_q30[j * stride], s, -s);
    }
}

/* Stages from this block length on run block by block (a stage of at most 4 blocks). */
enum
{
    BLOCK_BY_BLOCK_LEN = FFT_SIZE / 4
};

/* The stages of blocks from first_len to FFT_SIZE values, after those before. */
static void stages(int32_t re[FFT_SIZE], int32_t im[FFT_SIZE], int32_t first_len)
{
    for (int32_t len = first_len; len <= FFT_SIZE; len <<= 1)
    {
        const int32_t half = len >> 1;
        const int32_t stride = FFT_SIZE / len;
        if (len >= BLOCK_BY_BLOCK_LEN)
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
        butterflies_by_one(re, im, 0, half, len);
        butterflies_by_minus_i(re, im, half / 2, half, len);
        for (int32_t j = 1; j < half; j++)
        {
            if (j != half / 2)
            {
                butterflies(re, im, j, half, len, hark_frontend_cos_q30[j * stride], hark_frontend_sin_q30[j * stride]);
            }
        }
    }
}

void hark_frontend_fft(int32_t re[HARK_FRONTEND_FFT_SIZE], int32_t im[HARK_FRONTEND_FFT_SIZE])
{
    /*
     * Stages 1 and 2 on blocks of four real values x0..x3, read where the permutation would put them: block a (a
     * multiple of 4) of the permuted order holds x[r], x[r + 256], x[r + 128], x[r + 384], r the 9-bit reversal of a
     * (the 7-bit reversal of a / 4). Stage 1 (twiddle 1) gives x0 + x1, x0 - x1, x2 + x3, x2 - x3, all real; stage 2
     * pairs 0 with 2 by the twiddle 1 and 1 with 3 by -i, whose products of the zero imaginary parts are 0. The reads
     * range over all of re, so the block's four real results go into im first (whose values are not read)...
     */
    uint32_t r = 0;
    for (int32_t a = 0; a < FFT_SIZE; a += 4, r = next_reversed(r, FFT_SIZE >> 3))
    {
        const int32_t x0 = re[r];
        const int32_t x1 = re[r + FFT_SIZE / 2];
        const int32_t x2 = re[r + FFT_SIZE / 4];
        const int32_t x3 = re[r + 3 * FFT_SIZE / 4];
        const int32_t sum_01 = x0 + x1;
        const int32_t sum_23 = x2 + x3;
        im[a] = sum_01 + sum_23;
        im[a + 1] = x0 - x1;
        im[a + 2] = sum_01 - sum_23;
        im[a + 3] = x2 - x3;
    }
    /* ... then each block moves into place: re = (s, d01, s', d01), im = (0, -d23, 0, d23). */
    for (int32_t a = 0; a < FFT_SIZE; a += 4)
    {
        const int32_t difference_01 = im[a + 1];
        const int32_t difference_23 = im[a + 3];
        re[a] = im[a];
        re[a + 1] = difference_01;
        re[a + 2] = im[a + 2];
        re[a + 3] = difference_01;
        im[a] = 0;
        im[a + 1] = -difference_23;
        im[a + 2] = 0;
        im[a + 3] = difference_23;
    }
    stages(re, im, 8);
}
