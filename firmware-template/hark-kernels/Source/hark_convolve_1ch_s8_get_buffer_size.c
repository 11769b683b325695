/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_convolve_1ch_s8_get_buffer_size, hark_convolve_1ch_s8_widened_filter_size and
 * hark_convolve_1ch_s8_widen_filter. See hark_nnfunctions.h for the contracts.
 */

#include "Internal/hark_convolve_1ch_s8_layout.h"
#include "hark_nnfunctions.h"

int32_t hark_convolve_1ch_s8_get_buffer_size(const cmsis_nn_dims *input_dims, const cmsis_nn_dims *filter_dims)
{
    if (input_dims == NULL || input_dims->w < 1 || input_dims->w > 65536 ||
        !hark_convolve_1ch_s8_filter_fits(filter_dims))
    {
        return -1;
    }
    return 0;
}

int32_t hark_convolve_1ch_s8_widened_filter_size(const cmsis_nn_dims *filter_dims)
{
    if (!hark_convolve_1ch_s8_filter_fits(filter_dims))
    {
        return -1;
    }
    return (filter_dims->n + 1) / 2 * hark_convolve_1ch_s8_pair_length(filter_dims->h, filter_dims->w);
}

arm_cmsis_nn_status hark_convolve_1ch_s8_widen_filter(const cmsis_nn_dims *filter_dims, const int8_t *filter,
                                                      int16_t *widened)
{
    if (!hark_convolve_1ch_s8_filter_fits(filter_dims) || filter == NULL || widened == NULL)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t kernel_height = filter_dims->h;
    const int32_t kernel_width = filter_dims->w;
    const int32_t pair_row = 2 * hark_convolve_1ch_s8_row_length(kernel_width);
    const int32_t size = hark_convolve_1ch_s8_widened_filter_size(filter_dims);
    for (int32_t i = 0; i < size; i++)
    {
        widened[i] = 0;
    }
    for (int32_t c = 0; c < filter_dims->n; c++)
    {
        for (int32_t ky = 0; ky < kernel_height; ky++)
        {
            const int8_t *source = filter + (c * kernel_height + ky) * kernel_width;
            int16_t *target = widened + ((c / 2) * kernel_height + ky) * pair_row;
            for (int32_t kx = 0; kx < kernel_width; kx++)
            {
                target[hark_convolve_1ch_s8_widened_tap(c % 2, kx, kernel_width)] = source[kx];
            }
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
