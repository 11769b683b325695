/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: where hark_convolve_1ch_s8 keeps what it prepares in its scratch buffer, shared by the kernel and
 * hark_convolve_1ch_s8_get_buffer_size so the two cannot disagree.
 *
 *   weights  int16 [C_OUT][KH][KW rounded up to even], the filter widened, each kernel row padded with a 0 tap so
 *            that a row is whole pairs for the two-at-a-time multiply-accumulates
 *   rows     int16 [KH][W] + 2, the last KH input rows plus the input offset, a ring: input row iy lives in slot
 *            iy % KH, so moving one output row down widens only the rows that are new. The 2 values past the end
 *            are what the padding tap of the last slot's last pair reads (times a 0 weight).
 */

#ifndef HARK_CONVOLVE_1CH_S8_LAYOUT_H
#define HARK_CONVOLVE_1CH_S8_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nn_types.h"

typedef struct
{
    int32_t padded_width; /* KW rounded up to even */
    int32_t weights;      /* int16 values of the widened filter */
    int32_t rows;         /* int16 values of the row ring, its tail included */
} hark_convolve_1ch_s8_layout;

/*
 * The layout for a filter {C_OUT, KH, KW, 1} over an input {N, H, W, 1}; returns the bytes it takes, or -1 for
 * sizes beyond the limits that keep every product below 2^31.
 */
static inline int32_t hark_convolve_1ch_s8_plan(const cmsis_nn_dims *input_dims,
                                                const cmsis_nn_dims *filter_dims,
                                                hark_convolve_1ch_s8_layout *layout)
{
    if (input_dims == NULL || filter_dims == NULL || filter_dims->n < 1 || filter_dims->h < 1 ||
        filter_dims->w < 1 || input_dims->w < 1 || filter_dims->n > 1024 || filter_dims->h > 256 ||
        filter_dims->w > 256 || input_dims->w > 65536)
    {
        return -1;
    }
    layout->padded_width = (filter_dims->w + 1) & ~(int32_t)1;
    layout->weights = filter_dims->n * filter_dims->h * layout->padded_width;
    layout->rows = filter_dims->h * input_dims->w + 2;
    return (layout->weights + layout->rows) * (int32_t)sizeof(int16_t);
}

#endif /* HARK_CONVOLVE_1CH_S8_LAYOUT_H */
