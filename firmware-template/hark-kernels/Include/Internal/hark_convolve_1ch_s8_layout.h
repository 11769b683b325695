/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: the widened filter hark_convolve_1ch_s8 reads, shared by the kernel, its size function and
 * hark_convolve_1ch_s8_widen_filter so that they cannot disagree. The code generator writes the same layout into
 * flash (HarkConvolve1chS8.widenFilter); the kernel tests and the differential tests hold the two to it.
 *
 *   int16 [ceil(C_OUT / 2)][KH][2 x (KW rounded up to even)]: the output channels in pairs (an odd last one
 *   paired with zeros, which the kernel's pass for a lone channel skips), each kernel row of a pair its taps in groups
 *   of four,
 *       c0 (w0, w2), c1 (w0, w2), c0 (w1, w3), c1 (w1, w3)
 *   then the last KW % 4 taps of c0 in order, padded with a 0 tap to an even count, the same of c1.
 *
 * Why that order: the kernel loads four neighbouring int8 inputs as one word and widens them in registers with
 * SXTB16 into the pairs (x0, x2) and (x1, x3); the two channels' partners of a pair are one LDRD, and each input
 * pair serves both channels' SMLADs. A last odd tap is its input loaded sign-extended, (x, sign) as halves, times
 * (w, 0). The input offset is not added to each input: offset x (sum of the channel's taps) is added to its bias
 * once a call, which for int32 sums that wrap is the same sum.
 */

#ifndef HARK_CONVOLVE_1CH_S8_LAYOUT_H
#define HARK_CONVOLVE_1CH_S8_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nn_types.h"

/* Whether the filter dimensions are within the limits that keep every product and index below 2^31. */
static inline int hark_convolve_1ch_s8_filter_fits(const cmsis_nn_dims *filter_dims)
{
    return filter_dims != NULL && filter_dims->n >= 1 && filter_dims->h >= 1 && filter_dims->w >= 1 &&
           filter_dims->c == 1 && filter_dims->n <= 1024 && filter_dims->h <= 256 && filter_dims->w <= 256;
}

/* int16 values of one channel's widened kernel row: KW rounded up to even. */
static inline int32_t hark_convolve_1ch_s8_row_length(int32_t kernel_width)
{
    return (kernel_width + 1) & ~(int32_t)1;
}

/* int16 values of one channel pair's widened filter. */
static inline int32_t hark_convolve_1ch_s8_pair_length(int32_t kernel_height, int32_t kernel_width)
{
    return kernel_height * 2 * hark_convolve_1ch_s8_row_length(kernel_width);
}

/* Where tap kx of channel `second` (0 or 1) of a pair lies in the pair's widened kernel row. */
static inline int32_t hark_convolve_1ch_s8_widened_tap(int32_t second, int32_t kx, int32_t kernel_width)
{
    const int32_t grouped = kernel_width & ~(int32_t)3;
    if (kx >= grouped)
    {
        return 2 * grouped + second * hark_convolve_1ch_s8_row_length(kernel_width - grouped) + (kx - grouped);
    }
    const int32_t within = kx & 3;
    /* Taps 0 and 2 form the first pair of the group, 1 and 3 the second; 2 and 3 are the high halves. */
    return (kx & ~(int32_t)3) * 2 + (within & 1) * 4 + second * 2 + (within >> 1);
}

#endif /* HARK_CONVOLVE_1CH_S8_LAYOUT_H */
