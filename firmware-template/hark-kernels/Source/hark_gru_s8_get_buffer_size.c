/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_gru_s8_get_buffer_size. See hark_nnfunctions.h for the contract.
 */

#include "Internal/hark_gru_s8_layout.h"
#include "hark_nnfunctions.h"

int32_t hark_gru_s8_get_buffer_size(const hark_gru_s8_params *params, int32_t steps)
{
    hark_gru_s8_layout layout;
    return hark_gru_s8_plan(params, steps, &layout);
}
