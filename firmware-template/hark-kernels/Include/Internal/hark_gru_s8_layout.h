/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels, private: how hark_gru_s8() carves its scratch buffer. Shared by hark_gru_s8() and
 * hark_gru_s8_get_buffer_size() so the two cannot disagree.
 */

#ifndef HARK_GRU_S8_LAYOUT_H
#define HARK_GRU_S8_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "hark_nn_types.h"

/** Byte offsets into the scratch buffer; every region starts 8-byte aligned. */
typedef struct
{
    int32_t input;  /**< One step's input widened to int16, the input offset added: [input_size rounded up to 4] */
    int32_t hidden; /**< The hidden state widened to int16: [hidden_size rounded up to 4] */
    int32_t total;  /**< Total scratch bytes */
} hark_gru_s8_layout;

/** Bytes of n values widened to int16, n rounded up to a multiple of 4 (whole words of four values). */
static inline int64_t hark_gru_s8_widened_bytes(const int64_t n)
{
    return (n + 3) / 4 * 4 * (int64_t)sizeof(int16_t);
}

/**
 * Fills the layout for the given parameters (the sequence length does not matter: every step reuses the buffer).
 * @return The total size in bytes, or -1 for invalid sizes or a total beyond INT32_MAX.
 */
static inline int32_t hark_gru_s8_plan(const hark_gru_s8_params *params, const int32_t steps, hark_gru_s8_layout *layout)
{
    if (params == NULL || layout == NULL || steps < 1 || params->input_size < 1 || params->hidden_size < 1)
    {
        return -1;
    }
    const int64_t input = hark_gru_s8_widened_bytes(params->input_size);
    const int64_t total = input + hark_gru_s8_widened_bytes(params->hidden_size);
    if (total > INT32_MAX)
    {
        return -1;
    }
    layout->input = 0;
    layout->hidden = (int32_t)input;
    layout->total = (int32_t)total;
    return layout->total;
}

#endif /* HARK_GRU_S8_LAYOUT_H */
