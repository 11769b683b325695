/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels, private: how hark_gru_s8() carves its scratch buffer. Shared by hark_gru_s8() and
 * hark_gru_s8_get_buffer_size() so the two cannot disagree.
 */

#ifndef HARK_GRU_S8_LAYOUT_H
#define HARK_GRU_S8_LAYOUT_H

#include <stdint.h>

#include "arm_nnfunctions.h"
#include "hark_nn_types.h"

/** Byte offsets into the scratch buffer; every region starts 4-byte aligned. */
typedef struct
{
    int32_t gx[3];  /**< Input projections of gates r, z, n for all steps: [steps][hidden] each */
    int32_t h;      /**< Hidden state: [hidden] */
    int32_t gh[3];  /**< Hidden projections of gates r, z, n for the current step: [hidden] each */
    int32_t pre;    /**< Gate pre-activation, reused for r, z and n: [hidden] */
    int32_t r, z, zc, r_hn, n, a, b; /**< Per-step intermediates: [hidden] each */
    int32_t fc_scratch;      /**< Scratch handed to arm_fully_connected_s8() */
    int32_t fc_scratch_size; /**< Its size in bytes (0 on cores without Helium) */
    int32_t total;           /**< Total scratch bytes */
} hark_gru_s8_layout;

static inline int32_t hark_gru_s8_align4(const int64_t bytes)
{
    return (int32_t)((bytes + 3) / 4 * 4);
}

/**
 * Fills the layout for the given parameters and sequence length.
 * @return The total size in bytes, or -1 for invalid sizes or a total beyond INT32_MAX.
 */
static inline int32_t hark_gru_s8_plan(const hark_gru_s8_params *params, const int32_t steps, hark_gru_s8_layout *layout)
{
    if (params == NULL || layout == NULL || steps < 1 || params->input_size < 1 || params->hidden_size < 1)
    {
        return -1;
    }
    const int64_t hidden = params->hidden_size;
    const int64_t sequence_bytes = hidden * steps;
    /* 3 sequences plus 13 vectors of hidden bytes, each padded by at most 3: reject before anything can overflow. */
    if (sequence_bytes > (INT32_MAX / 8) || hidden > (INT32_MAX / 64))
    {
        return -1;
    }

    const cmsis_nn_dims input_filter = {params->input_size, 1, 1, params->hidden_size};
    const cmsis_nn_dims hidden_filter = {params->hidden_size, 1, 1, params->hidden_size};
    const int32_t input_fc_scratch = arm_fully_connected_s8_get_buffer_size(&input_filter);
    const int32_t hidden_fc_scratch = arm_fully_connected_s8_get_buffer_size(&hidden_filter);
    layout->fc_scratch_size = input_fc_scratch > hidden_fc_scratch ? input_fc_scratch : hidden_fc_scratch;

    int64_t offset = 0;
    for (int32_t g = 0; g < 3; g++)
    {
        layout->gx[g] = (int32_t)offset;
        offset += hark_gru_s8_align4(sequence_bytes);
    }
    int32_t *const vectors[] = {&layout->h,
                                &layout->gh[0],
                                &layout->gh[1],
                                &layout->gh[2],
                                &layout->pre,
                                &layout->r,
                                &layout->z,
                                &layout->zc,
                                &layout->r_hn,
                                &layout->n,
                                &layout->a,
                                &layout->b};
    for (uint32_t v = 0; v < sizeof(vectors) / sizeof(vectors[0]); v++)
    {
        *vectors[v] = (int32_t)offset;
        offset += hark_gru_s8_align4(hidden);
    }
    layout->fc_scratch = (int32_t)offset;
    offset += hark_gru_s8_align4(layout->fc_scratch_size);
    if (offset > INT32_MAX)
    {
        return -1;
    }
    layout->total = (int32_t)offset;
    return layout->total;
}

#endif /* HARK_GRU_S8_LAYOUT_H */
