/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_convolve_1ch_s8_get_buffer_size. See hark_nnfunctions.h for the contract.
 */

#include "Internal/hark_convolve_1ch_s8_layout.h"
#include "hark_nnfunctions.h"

int32_t hark_convolve_1ch_s8_get_buffer_size(const cmsis_nn_dims *input_dims, const cmsis_nn_dims *filter_dims)
{
    hark_convolve_1ch_s8_layout layout;
    return hark_convolve_1ch_s8_plan(input_dims, filter_dims, &layout);
}
