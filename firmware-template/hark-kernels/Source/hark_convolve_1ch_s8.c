/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_convolve_1ch_s8. See hark_nnfunctions.h for the contract.
 *
 * The sums are CMSIS-NN's (bias plus every tap's (input + input offset) * weight), taken in another order, which
 * for integers is the same sum; the requantization gives arm_nn_requantize()'s results (hark_requantize.h). What
 * differs is only the order of the work: no im2col copy of each receptive field and no scratch. The input offset
 * times the sum of a channel's taps is added to its bias once a call (int32 sums wrap, so this is the same sum);
 * then each output row reads its receptive fields straight from the int8 input, two output channels (a pair of
 * the widened filter, hark_convolve_1ch_s8_layout.h, which the code generator writes into flash) and two output
 * columns at a time, so that each value loaded serves two multiply-accumulates. A lone channel (one output channel,
 * or the odd last one, paired with zeros in the layout) reads its own words of the pair only, at two columns, or on
 * DSP cores for five taps a row four, so that it costs about half a pair, not a pair. On DSP cores four inputs are
 * one word load widened in registers (SXTB16).
 */

#include "Internal/hark_convolve_1ch_s8_layout.h"
#include "Internal/hark_dsp.h"
#include "Internal/hark_requantize.h"
#include "arm_nnsupportfunctions.h"
#include "hark_nnfunctions.h"

/* What every block of one call shares. */
typedef struct
{
    int32_t kernel_height; /* KH */
    int32_t kernel_width;  /* KW */
    int32_t pair_row;      /* int16 values of a channel pair's widened kernel row */
    int32_t row_width;     /* W: int8 values of an input row */
} receptive_field;

#if defined(ARM_MATH_DSP)
/* One kernel row of five taps for the 2 x 2 block: 25 instructions for 20 multiply-accumulates. */
#define HARK_FIVE_TAP_ROW                                                                                          \
    "ldr     %[x], [%[a]]\n\t"                                                                                    \
    "ldrd    %[w_lo], %[w_hi], [%[w]], #24\n\t"                                                                   \
    "sxtb16  %[p], %[x]\n\t"                                                                                      \
    "smlad   %[s0], %[p], %[w_lo], %[s0]\n\t"                                                                     \
    "smlad   %[s2], %[p], %[w_hi], %[s2]\n\t"                                                                     \
    "ldr     %[y], [%[b]]\n\t"                                                                                    \
    "sxtb16  %[p], %[y]\n\t"                                                                                      \
    "smlad   %[s1], %[p], %[w_lo], %[s1]\n\t"                                                                     \
    "smlad   %[s3], %[p], %[w_hi], %[s3]\n\t"                                                                     \
    "ldrd    %[w_lo], %[w_hi], [%[w], #-16]\n\t"                                                                  \
    "sxtb16  %[p], %[x], ror #8\n\t"                                                                              \
    "smlad   %[s0], %[p], %[w_lo], %[s0]\n\t"                                                                     \
    "smlad   %[s2], %[p], %[w_hi], %[s2]\n\t"                                                                     \
    "sxtb16  %[p], %[y], ror #8\n\t"                                                                              \
    "smlad   %[s1], %[p], %[w_lo], %[s1]\n\t"                                                                     \
    "smlad   %[s3], %[p], %[w_hi], %[s3]\n\t"                                                                     \
    "ldrsb   %[x], [%[a], #4]\n\t"                                                                                \
    "ldrsb   %[y], [%[b], #4]\n\t"                                                                                \
    "ldrd    %[w_lo], %[w_hi], [%[w], #-8]\n\t"                                                                   \
    "smlad   %[s0], %[x], %[w_lo], %[s0]\n\t"                                                                     \
    "smlad   %[s2], %[x], %[w_hi], %[s2]\n\t"                                                                     \
    "smlad   %[s1], %[y], %[w_lo], %[s1]\n\t"                                                                     \
    "smlad   %[s3], %[y], %[w_hi], %[s3]\n\t"                                                                     \
    "add     %[a], %[a], %[width]\n\t"                                                                            \
    "add     %[b], %[b], %[width]\n\t"

/*
 * Five taps a row (the teacher's and the students' filters), the kernel rows of the block two to a pass of the
 * loop (an odd count enters at the second): 26 instructions a row for 20 multiply-accumulates. Written in assembly
 * because the compiler, given it in C, has too few registers left for the four sums, the three pointers and the
 * five values in flight and spills them each row. A pair row is six words: c0 (w0, w2), c1 (w0, w2),
 * c0 (w1, w3), c1 (w1, w3), c0 (w4, 0), c1 (w4, 0), read from its first load on (which steps w past the row);
 * tap 4's input is loaded sign-extended, so its high half (0 or -1) meets the 0 weight.
 */
static inline void sums_2x2_five_taps(const int8_t *a, const int8_t *b, const int16_t *w, int32_t rows,
                                      int32_t width, int32_t sums[4])
{
    int32_t s0 = sums[0], s1 = sums[1], s2 = sums[2], s3 = sums[3];
    int32_t x, y, p, w_lo, w_hi;
    __asm__ volatile(
        "tst     %[rows], #1\n\t"
        "beq     1f\n\t"
        "adds    %[rows], %[rows], #1\n\t"
        "b       2f\n"
        "1:\n\t" HARK_FIVE_TAP_ROW "2:\n\t" HARK_FIVE_TAP_ROW
        "subs    %[rows], %[rows], #2\n\t"
        "bne     1b"
        : [s0] "+r"(s0), [s1] "+r"(s1), [s2] "+r"(s2), [s3] "+r"(s3), [a] "+r"(a), [b] "+r"(b), [w] "+r"(w),
          [rows] "+r"(rows), [x] "=&r"(x), [y] "=&r"(y), [p] "=&r"(p), [w_lo] "=&r"(w_lo), [w_hi] "=&r"(w_hi)
        : [width] "r"(width)
        : "cc", "memory");
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
}
#undef HARK_FIVE_TAP_ROW

/*
 * One kernel row of five taps for one channel (the first of a pair row, whose second is zeros) at two columns, a and
 * a + sx: 18 instructions for 10 multiply-accumulates. The pair row's words of the channel are its first, third and
 * fifth: c0 (w0, w2), c0 (w1, w3), c0 (w4, 0).
 */
#define HARK_FIVE_TAP_ROW_SINGLE                                                                                   \
    "ldr     %[x], [%[a]]\n\t"                                                                                    \
    "ldr     %[y], [%[a], %[sx]]\n\t"                                                                             \
    "ldr     %[wt], [%[w]], #24\n\t"                                                                              \
    "sxtb16  %[p], %[x]\n\t"                                                                                      \
    "smlad   %[s0], %[p], %[wt], %[s0]\n\t"                                                                       \
    "sxtb16  %[p], %[y]\n\t"                                                                                      \
    "smlad   %[s1], %[p], %[wt], %[s1]\n\t"                                                                       \
    "ldr     %[wt], [%[w], #-16]\n\t"                                                                             \
    "sxtb16  %[p], %[x], ror #8\n\t"                                                                              \
    "smlad   %[s0], %[p], %[wt], %[s0]\n\t"                                                                       \
    "sxtb16  %[p], %[y], ror #8\n\t"                                                                              \
    "smlad   %[s1], %[p], %[wt], %[s1]\n\t"                                                                       \
    "ldrsb   %[x], [%[a], #4]\n\t"                                                                                \
    "ldrsb   %[y], [%[a], %[sx4]]\n\t"                                                                            \
    "ldr     %[wt], [%[w], #-8]\n\t"                                                                              \
    "smlabb  %[s0], %[x], %[wt], %[s0]\n\t"                                                                       \
    "smlabb  %[s1], %[y], %[wt], %[s1]\n\t"                                                                       \
    "add     %[a], %[a], %[width]\n\t"

/*
 * sums_2x2_five_taps for a lone channel (one output channel, or the odd last one): the sums of the channel at the
 * columns a and a + sx added to sums[0] and sums[1], the kernel rows two to a pass of the loop as there. One channel
 * takes its pair row's words of the channel only, so that it costs about half the pair's work, not all of it.
 */
static __attribute__((noinline)) void sums_1x2_five_taps(const int8_t *a, int32_t sx, const int16_t *w, int32_t rows,
                                                       int32_t width, int32_t sums[2])
{
    int32_t s0 = sums[0], s1 = sums[1];
    int32_t x, y, p, wt;
    __asm__ volatile(
        "tst     %[rows], #1\n\t"
        "beq     1f\n\t"
        "adds    %[rows], %[rows], #1\n\t"
        "b       2f\n"
        "1:\n\t" HARK_FIVE_TAP_ROW_SINGLE "2:\n\t" HARK_FIVE_TAP_ROW_SINGLE
        "subs    %[rows], %[rows], #2\n\t"
        "bne     1b"
        : [s0] "+r"(s0), [s1] "+r"(s1), [a] "+r"(a), [w] "+r"(w), [rows] "+r"(rows), [x] "=&r"(x), [y] "=&r"(y),
          [p] "=&r"(p), [wt] "=&r"(wt)
        : [width] "r"(width), [sx] "r"(sx), [sx4] "r"(sx + 4)
        : "cc", "memory");
    sums[0] = s0;
    sums[1] = s1;
}
#undef HARK_FIVE_TAP_ROW_SINGLE

/*
 * One kernel row of five taps for one channel at four columns, a, a + sx, c = a + 2 sx and c + sx: 34 instructions
 * for 20 multiply-accumulates, the channel's words of the pair row (w0, w2) and (w1, w3) loaded once for the four and
 * each input word split as it is loaded. All 14 registers are the loop's; the row width is read from the stack.
 */
#define HARK_FIVE_TAP_COLUMN(base, offset, sum)                                                                    \
    "ldr     %[x], [%[" base "]" offset "]\n\t"                                                                  \
    "sxtb16  %[p], %[x]\n\t"                                                                                      \
    "smlad   %[" sum "], %[p], %[wt], %[" sum "]\n\t"                                                             \
    "sxtb16  %[p], %[x], ror #8\n\t"                                                                              \
    "smlad   %[" sum "], %[p], %[wt2], %[" sum "]\n\t"
#define HARK_FIVE_TAP_FIFTH(base, offset, sum)                                                                     \
    "ldrsb   %[x], [%[" base "]" offset "]\n\t"                                                                  \
    "smlabb  %[" sum "], %[x], %[wt], %[" sum "]\n\t"
#define HARK_FIVE_TAP_ROW_FOUR                                                                                     \
    "ldr     %[wt], [%[w]], #24\n\t"                                                                              \
    "ldr     %[wt2], [%[w], #-16]\n\t"                                                                            \
    HARK_FIVE_TAP_COLUMN("a", "", "s0")                                                                            \
    HARK_FIVE_TAP_COLUMN("a", ", %[sx]", "s1")                                                                     \
    HARK_FIVE_TAP_COLUMN("c", "", "s2")                                                                            \
    HARK_FIVE_TAP_COLUMN("c", ", %[sx]", "s3")                                                                     \
    "ldr     %[wt], [%[w], #-8]\n\t"                                                                              \
    HARK_FIVE_TAP_FIFTH("a", ", #4", "s0")                                                                         \
    HARK_FIVE_TAP_FIFTH("a", ", %[sx4]", "s1")                                                                     \
    HARK_FIVE_TAP_FIFTH("c", ", #4", "s2")                                                                         \
    HARK_FIVE_TAP_FIFTH("c", ", %[sx4]", "s3")                                                                     \
    "ldr     %[x], %[width]\n\t"                                                                                  \
    "add     %[a], %[a], %[x]\n\t"                                                                                \
    "add     %[c], %[c], %[x]\n\t"

/*
 * sums_1x2_five_taps at four columns a + i sx, i < 4, into sums[i]: the weights' loads shared by four columns, not
 * two (34 instructions a row for 20 multiply-accumulates, where two columns take 18 for 10).
 */
static __attribute__((noinline)) void sums_1x4_five_taps(const int8_t *a, int32_t sx, const int16_t *w, int32_t rows,
                                                       int32_t width, int32_t sums[4])
{
    int32_t s0 = sums[0], s1 = sums[1], s2 = sums[2], s3 = sums[3];
    const int8_t *c = a + 2 * sx;
    int32_t x, p, wt, wt2;
    __asm__ volatile(
        "tst     %[rows], #1\n\t"
        "beq     1f\n\t"
        "adds    %[rows], %[rows], #1\n\t"
        "b       2f\n"
        "1:\n\t" HARK_FIVE_TAP_ROW_FOUR "2:\n\t" HARK_FIVE_TAP_ROW_FOUR
        "subs    %[rows], %[rows], #2\n\t"
        "bne     1b"
        : [s0] "+r"(s0), [s1] "+r"(s1), [s2] "+r"(s2), [s3] "+r"(s3), [a] "+r"(a), [c] "+r"(c), [w] "+r"(w),
          [rows] "+r"(rows), [x] "=&r"(x), [p] "=&r"(p), [wt] "=&r"(wt), [wt2] "=&r"(wt2)
        : [width] "m"(width), [sx] "r"(sx), [sx4] "r"(sx + 4)
        : "cc", "memory");
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
}
#undef HARK_FIVE_TAP_ROW_FOUR
#undef HARK_FIVE_TAP_FIFTH
#undef HARK_FIVE_TAP_COLUMN
#endif

#if !defined(ARM_MATH_DSP)
/*
 * Five taps a row without the DSP extension: each input and weight loaded once a row for the 2 x 2 block, the
 * sums in locals (the generic loop's array and group arithmetic cost the M3 a quarter more).
 */
static void plain_2x2_five_taps(const int8_t *a, const int8_t *b, const int16_t *w, int32_t rows, int32_t width,
                                int32_t sums[4])
{
    int32_t s0 = sums[0], s1 = sums[1], s2 = sums[2], s3 = sums[3];
    /* A pair row of 12: c0 (w0, w2) at 0, c1 at 2, c0 (w1, w3) at 4, c1 at 6, c0 (w4, 0) at 8, c1 at 10. */
    for (; rows > 0; rows--, a += width, b += width, w += 12)
    {
        int32_t xa = a[0], xb = b[0], w0 = w[0], w1 = w[2];
        s0 += xa * w0;
        s1 += xb * w0;
        s2 += xa * w1;
        s3 += xb * w1;
        xa = a[1], xb = b[1], w0 = w[4], w1 = w[6];
        s0 += xa * w0;
        s1 += xb * w0;
        s2 += xa * w1;
        s3 += xb * w1;
        xa = a[2], xb = b[2], w0 = w[1], w1 = w[3];
        s0 += xa * w0;
        s1 += xb * w0;
        s2 += xa * w1;
        s3 += xb * w1;
        xa = a[3], xb = b[3], w0 = w[5], w1 = w[7];
        s0 += xa * w0;
        s1 += xb * w0;
        s2 += xa * w1;
        s3 += xb * w1;
        xa = a[4], xb = b[4], w0 = w[8], w1 = w[10];
        s0 += xa * w0;
        s1 += xb * w0;
        s2 += xa * w1;
        s3 += xb * w1;
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
}

/* plain_2x2_five_taps for a lone channel: its pair row's c0 weights at 0, 4, 1, 5 and 8; sums[0] at a, sums[1] at b. */
static void plain_1x2_five_taps(const int8_t *a, const int8_t *b, const int16_t *w, int32_t rows, int32_t width,
                                int32_t sums[2])
{
    int32_t s0 = sums[0], s1 = sums[1];
    for (; rows > 0; rows--, a += width, b += width, w += 12)
    {
        int32_t wk = w[0];
        s0 += a[0] * wk;
        s1 += b[0] * wk;
        wk = w[4];
        s0 += a[1] * wk;
        s1 += b[1] * wk;
        wk = w[1];
        s0 += a[2] * wk;
        s1 += b[2] * wk;
        wk = w[5];
        s0 += a[3] * wk;
        s1 += b[3] * wk;
        wk = w[8];
        s0 += a[4] * wk;
        s1 += b[4] * wk;
    }
    sums[0] = s0;
    sums[1] = s1;
}
#endif

/*
 * The sums of a channel pair (its widened filter w) at two output columns (receptive fields whose top left inputs
 * are a and b), without the input offset: sums[0] = c0 at a, sums[1] = c0 at b, sums[2] = c1 at a,
 * sums[3] = c1 at b, each added to what sums holds.
 */
static __attribute__((noinline)) void sums_2x2(const receptive_field *field, const int8_t *a, const int8_t *b,
                                               const int16_t *w, int32_t sums[4])
{
    const int32_t width = field->row_width;
    const int32_t kernel_width = field->kernel_width;
    const int32_t grouped = kernel_width & ~(int32_t)3;
    const int32_t tail_length = hark_convolve_1ch_s8_row_length(kernel_width - grouped);
    int32_t s[4] = {sums[0], sums[1], sums[2], sums[3]};
    for (int32_t ky = field->kernel_height; ky > 0; ky--, a += width, b += width, w += field->pair_row)
    {
        int32_t k = 0;
        for (; k < grouped; k += 4)
        {
            const int16_t *group = w + 2 * k;
#if defined(ARM_MATH_DSP)
            const int32_t xa = hark_read_s8x4(a + k);
            const int32_t xb = hark_read_s8x4(b + k);
            const int32_t a02 = hark_sxtb16(xa);
            const int32_t a13 = hark_sxtb16_odd(xa);
            const int32_t b02 = hark_sxtb16(xb);
            const int32_t b13 = hark_sxtb16_odd(xb);
            const int32_t c0_02 = hark_read_s16x2(group);
            const int32_t c1_02 = hark_read_s16x2(group + 2);
            const int32_t c0_13 = hark_read_s16x2(group + 4);
            const int32_t c1_13 = hark_read_s16x2(group + 6);
            s[0] = hark_smlad(a13, c0_13, hark_smlad(a02, c0_02, s[0]));
            s[1] = hark_smlad(b13, c0_13, hark_smlad(b02, c0_02, s[1]));
            s[2] = hark_smlad(a13, c1_13, hark_smlad(a02, c1_02, s[2]));
            s[3] = hark_smlad(b13, c1_13, hark_smlad(b02, c1_02, s[3]));
#else
            /* A group: c0 (w0, w2), c1 (w0, w2), c0 (w1, w3), c1 (w1, w3); each input loaded once for 4 MACs. */
            for (int32_t i = 0; i < 4; i++)
            {
                const int32_t at = (i & 1) * 4 + (i >> 1);
                const int32_t xa = a[k + i];
                const int32_t xb = b[k + i];
                const int32_t w0 = group[at];
                const int32_t w1 = group[at + 2];
                s[0] += xa * w0;
                s[1] += xb * w0;
                s[2] += xa * w1;
                s[3] += xb * w1;
            }
#endif
        }
        const int16_t *tail0 = w + 2 * grouped;
        const int16_t *tail1 = tail0 + tail_length;
        for (int32_t t = 0; k < kernel_width; k++, t++)
        {
            const int32_t xa = a[k];
            const int32_t xb = b[k];
            s[0] += xa * tail0[t];
            s[1] += xb * tail0[t];
            s[2] += xa * tail1[t];
            s[3] += xb * tail1[t];
        }
    }
    sums[0] = s[0];
    sums[1] = s[1];
    sums[2] = s[2];
    sums[3] = s[3];
}

/* sums_2x2 for a lone channel, the first of its pair (the second's taps are zeros): sums[0] at a, sums[1] at b. */
static __attribute__((noinline)) void sums_1x2(const receptive_field *field, const int8_t *a, const int8_t *b,
                                               const int16_t *w, int32_t sums[2])
{
    const int32_t width = field->row_width;
    const int32_t kernel_width = field->kernel_width;
    const int32_t grouped = kernel_width & ~(int32_t)3;
    int32_t s0 = sums[0], s1 = sums[1];
    for (int32_t ky = field->kernel_height; ky > 0; ky--, a += width, b += width, w += field->pair_row)
    {
        int32_t k = 0;
        for (; k < grouped; k += 4)
        {
            const int16_t *group = w + 2 * k;
#if defined(ARM_MATH_DSP)
            const int32_t xa = hark_read_s8x4(a + k);
            const int32_t xb = hark_read_s8x4(b + k);
            const int32_t c0_02 = hark_read_s16x2(group);
            const int32_t c0_13 = hark_read_s16x2(group + 4);
            s0 = hark_smlad(hark_sxtb16_odd(xa), c0_13, hark_smlad(hark_sxtb16(xa), c0_02, s0));
            s1 = hark_smlad(hark_sxtb16_odd(xb), c0_13, hark_smlad(hark_sxtb16(xb), c0_02, s1));
#else
            /* c0 (w0, w2) at 0, c0 (w1, w3) at 4. */
            for (int32_t i = 0; i < 4; i++)
            {
                const int32_t wk = group[(i & 1) * 4 + (i >> 1)];
                s0 += a[k + i] * wk;
                s1 += b[k + i] * wk;
            }
#endif
        }
        const int16_t *tail0 = w + 2 * grouped;
        for (int32_t t = 0; k < kernel_width; k++, t++)
        {
            s0 += a[k] * tail0[t];
            s1 += b[k] * tail0[t];
        }
    }
    sums[0] = s0;
    sums[1] = s1;
}

#if defined(__ARM_FEATURE_SAT)
/* The same out of line, for the rarer layers whose range is not all of int8: one copy of the code, not four. */
static __attribute__((noinline)) int8_t requantize_out_of_line(int32_t sum, const hark_output_quant *out)
{
    return hark_requantize_clamped(sum, out, 0);
}
#endif

/*
 * hark_requantize_clamped(), its SSAT in line for a full int8 range and the other ranges out of line where SSAT exists
 * (the SSAT written here with the requantization as its operand keeps the row loop's register use as measured).
 */
static inline int8_t requantize(int32_t sum, const hark_output_quant *out, int32_t rounding, const int full_range,
                                const int fast)
{
#if defined(__ARM_FEATURE_SAT)
    if (fast)
    {
        int32_t saturated;
        __asm__("ssat %0, #8, %1"
                : "=r"(saturated)
                : "r"(hark_requantize_plus_small_rounded(sum, out->multiplier, out->shift, out->output_offset,
                                                         rounding)));
        return (int8_t)saturated;
    }
    if (full_range)
    {
        int32_t saturated;
        __asm__("ssat %0, #8, %1"
                : "=r"(saturated)
                : "r"(hark_requantize(sum, out->multiplier, out->shift) + out->output_offset));
        return (int8_t)saturated;
    }
    return requantize_out_of_line(sum, out);
#else
    (void)rounding;
    (void)fast;
    return hark_requantize_clamped(sum, out, full_range);
#endif
}

/*
 * The biases of a channel pair plus the input offset times the sum of each channel's taps, in wrapping int32
 * arithmetic; one pass over the pair's widened filter, whose padding taps are 0.
 */
static void biases_with_offset(const receptive_field *field, const int16_t *pair, int32_t input_offset,
                               int32_t biases[2])
{
    const int32_t grouped = field->kernel_width & ~(int32_t)3;
    const int32_t tail_length = hark_convolve_1ch_s8_row_length(field->kernel_width - grouped);
    /* At most 256 x 256 taps of magnitude 128 (hark_convolve_1ch_s8_filter_fits): no overflow. */
    int32_t taps0 = 0;
    int32_t taps1 = 0;
    for (int32_t ky = 0; ky < field->kernel_height; ky++, pair += field->pair_row)
    {
        /* A group of four taps: c0 (w0, w2), c1 (w0, w2), c0 (w1, w3), c1 (w1, w3); then c0's tail, c1's tail. */
        int32_t i = 0;
        for (; i < 2 * grouped; i += 4)
        {
            taps0 += pair[i] + pair[i + 1];
            taps1 += pair[i + 2] + pair[i + 3];
        }
        for (int32_t t = 0; t < tail_length; t++)
        {
            taps0 += pair[i + t];
            taps1 += pair[i + tail_length + t];
        }
    }
    biases[0] = (int32_t)((uint32_t)biases[0] + (uint32_t)input_offset * (uint32_t)taps0);
    biases[1] = (int32_t)((uint32_t)biases[1] + (uint32_t)input_offset * (uint32_t)taps1);
}

/*
 * One output row of a channel pair: its receptive fields' top left inputs from top_row on, stride_x apart; the
 * outputs of channel c0 at out0, out0 + channels, ...; those of c1 (if paired) one byte further; a lone channel
 * (paired 0: one output channel, or the odd last one) takes its own sums only, half the work of a pair. Written once
 * for both clamps and both kinds of channel (full_range and paired constants where it is called), so that the tests
 * are made once a row, not per output.
 */
static inline __attribute__((always_inline)) void pair_row_clamped(const receptive_field *field,
                                                                  const int8_t *top_row, int32_t stride_x,
                                                                  int32_t columns, const int16_t *pair,
                                                                  const int32_t biases[2],
                                                                  const hark_output_quant outputs[2], const int paired,
                                                                  int8_t *out0, int32_t channels,
                                                                  const int32_t roundings[2], const int full_range,
                                                                  const int fast)
{
    const int32_t step = 2 * stride_x;
    const int32_t out_step = 2 * channels;
    int32_t ox = 0;
#if defined(ARM_MATH_DSP)
    if (!paired && field->kernel_width == 5)
    {
        /* A lone channel four columns at a time, then the last two or three in pairs. */
        for (; ox + 4 <= columns; ox += 4, top_row += 2 * step, out0 += 2 * out_step)
        {
            int32_t sums[4] = {biases[0], biases[0], biases[0], biases[0]};
            sums_1x4_five_taps(top_row, stride_x, pair, field->kernel_height, field->row_width, sums);
            out0[0] = requantize(sums[0], &outputs[0], roundings[0], full_range, fast);
            out0[channels] = requantize(sums[1], &outputs[0], roundings[0], full_range, fast);
            out0[out_step] = requantize(sums[2], &outputs[0], roundings[0], full_range, fast);
            out0[out_step + channels] = requantize(sums[3], &outputs[0], roundings[0], full_range, fast);
        }
    }
#endif
    for (; ox < columns; ox += 2, top_row += step, out0 += out_step)
    {
        /* The last column of an odd width is computed twice over and written once. */
        const int32_t second = ox + 1 < columns;
        int8_t *out1 = second ? out0 + channels : out0;
        int32_t sums[4] = {biases[0], biases[0], biases[1], biases[1]};
        const int8_t *b = second ? top_row + stride_x : top_row;
        if (!paired)
        {
            if (field->kernel_width == 5)
            {
#if defined(ARM_MATH_DSP)
                sums_1x2_five_taps(top_row, second ? stride_x : 0, pair, field->kernel_height, field->row_width,
                                   sums);
#else
                plain_1x2_five_taps(top_row, b, pair, field->kernel_height, field->row_width, sums);
#endif
            }
            else
            {
                sums_1x2(field, top_row, b, pair, sums);
            }
            out0[0] = requantize(sums[0], &outputs[0], roundings[0], full_range, fast);
            out1[0] = requantize(sums[1], &outputs[0], roundings[0], full_range, fast);
            continue;
        }
        if (field->kernel_width == 5)
        {
#if defined(ARM_MATH_DSP)
            sums_2x2_five_taps(top_row, b, pair, field->kernel_height, field->row_width, sums);
#else
            plain_2x2_five_taps(top_row, b, pair, field->kernel_height, field->row_width, sums);
#endif
        }
        else
        {
            sums_2x2(field, top_row, b, pair, sums);
        }
        out0[0] = requantize(sums[0], &outputs[0], roundings[0], full_range, fast);
        out1[0] = requantize(sums[1], &outputs[0], roundings[0], full_range, fast);
        out0[1] = requantize(sums[2], &outputs[1], roundings[1], full_range, fast);
        out1[1] = requantize(sums[3], &outputs[1], roundings[1], full_range, fast);
    }
}

/*
 * Whether a channel pair takes the fast build: every requantization hark_requantize_plus_small (no size test) with
 * its rounding constant (made here, in roundings), where hark_requantize_plus_applies to both channels and every sum
 * lies below 2^30 in magnitude: a bias (with the input offset's share) and at most KH x KW products of 128 x 128.
 */
static int pair_fast(const receptive_field *field, const int32_t biases[2], const hark_output_quant outputs[2],
                     int32_t paired, int32_t roundings[2])
{
#if defined(__ARM_FEATURE_SAT)
    const int64_t products = (int64_t)field->kernel_height * field->kernel_width * 128 * 128;
    const int64_t limit = (int64_t)1 << 30;
    for (int32_t c = 0; c < (paired ? 2 : 1); c++)
    {
        const int64_t bias = biases[c] < 0 ? -(int64_t)biases[c] : biases[c];
        if (outputs[c].min != -128 || outputs[c].max != 127 ||
            !hark_requantize_plus_applies(outputs[c].shift, outputs[c].output_offset) || bias + products >= limit)
        {
            return 0;
        }
        roundings[c] = (int32_t)hark_requantize_plus_rounding(outputs[c].shift, outputs[c].output_offset);
    }
    return 1;
#else
    (void)field;
    (void)biases;
    (void)outputs;
    (void)paired;
    (void)roundings;
    return 0;
#endif
}

static void pair_row(const receptive_field *field, const int8_t *top_row, int32_t stride_x, int32_t columns,
                     const int16_t *pair, const int32_t biases[2], const hark_output_quant outputs[2], int32_t paired,
                     int8_t *out0, int32_t channels, const int32_t roundings[2], int fast)
{
    const int full_range = outputs[0].min == -128 && outputs[0].max == 127;
    if (paired)
    {
        if (fast)
        {
            pair_row_clamped(field, top_row, stride_x, columns, pair, biases, outputs, 1, out0, channels, roundings,
                             1, 1);
        }
        else if (full_range)
        {
            pair_row_clamped(field, top_row, stride_x, columns, pair, biases, outputs, 1, out0, channels, roundings,
                             1, 0);
        }
        else
        {
            pair_row_clamped(field, top_row, stride_x, columns, pair, biases, outputs, 1, out0, channels, roundings,
                             0, 0);
        }
    }
    else if (fast)
    {
        pair_row_clamped(field, top_row, stride_x, columns, pair, biases, outputs, 0, out0, channels, roundings, 1,
                         1);
    }
    else
    {
        /* A lone channel outside the fast build: the general clamp, one build less of flash. */
        pair_row_clamped(field, top_row, stride_x, columns, pair, biases, outputs, 0, out0, channels, roundings, 0,
                         0);
    }
}

arm_cmsis_nn_status hark_convolve_1ch_s8(const cmsis_nn_context *ctx,
                                         const cmsis_nn_conv_params *conv_params,
                                         const cmsis_nn_per_channel_quant_params *quant_params,
                                         const cmsis_nn_dims *input_dims,
                                         const int8_t *input,
                                         const cmsis_nn_dims *filter_dims,
                                         const int16_t *filter,
                                         const cmsis_nn_dims *bias_dims,
                                         const int32_t *bias,
                                         const cmsis_nn_dims *output_dims,
                                         int8_t *output)
{
    (void)ctx;
    (void)bias_dims;
    if (conv_params == NULL || quant_params == NULL || quant_params->multiplier == NULL ||
        quant_params->shift == NULL || output_dims == NULL || input == NULL || filter == NULL || output == NULL ||
        hark_convolve_1ch_s8_get_buffer_size(input_dims, filter_dims) < 0)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t stride_x = conv_params->stride.w;
    const int32_t stride_y = conv_params->stride.h;
    const int32_t channels = filter_dims->n;
    const int32_t kernel_height = filter_dims->h;
    const int32_t kernel_width = filter_dims->w;
    const int32_t width = input_dims->w;
    if (input_dims->c != 1 || output_dims->c != channels || input_dims->n != output_dims->n ||
        conv_params->padding.w != 0 || conv_params->padding.h != 0 || conv_params->dilation.w != 1 ||
        conv_params->dilation.h != 1 || stride_x < 1 || stride_y < 1 || output_dims->h < 1 || output_dims->w < 1 ||
        (output_dims->h - 1) * stride_y + kernel_height > input_dims->h ||
        (output_dims->w - 1) * stride_x + kernel_width > width)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }

    const receptive_field field = {kernel_height, kernel_width, 2 * hark_convolve_1ch_s8_row_length(kernel_width),
                                   width};
    const int32_t pair_length = hark_convolve_1ch_s8_pair_length(kernel_height, kernel_width);
    const int32_t columns = output_dims->w;
    for (int32_t c = 0; c < channels; c += 2)
    {
        /* An odd last channel is paired with a filter of zeros whose sums are not written. */
        const int32_t paired = c + 1 < channels;
        const int16_t *pair = filter + (c / 2) * pair_length;
        int32_t biases[2] = {bias != NULL ? bias[c] : 0, paired && bias != NULL ? bias[c + 1] : 0};
        biases_with_offset(&field, pair, conv_params->input_offset, biases);
        const int32_t second = paired ? c + 1 : c;
        const hark_output_quant outputs[2] = {
            {quant_params->multiplier[c], quant_params->shift[c], conv_params->output_offset,
             conv_params->activation.min, conv_params->activation.max},
            {quant_params->multiplier[second], quant_params->shift[second], conv_params->output_offset,
             conv_params->activation.min, conv_params->activation.max}};
        int32_t roundings[2] = {0, 0};
        const int fast = pair_fast(&field, biases, outputs, paired, roundings);
        for (int32_t n = 0; n < output_dims->n; n++)
        {
            const int8_t *image = input + n * input_dims->h * width;
            for (int32_t oy = 0; oy < output_dims->h; oy++)
            {
                pair_row(&field, image + oy * stride_y * width, stride_x, columns, pair, biases, outputs, paired,
                         output + (n * output_dims->h + oy) * columns * channels + c, channels, roundings, fast);
            }
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
