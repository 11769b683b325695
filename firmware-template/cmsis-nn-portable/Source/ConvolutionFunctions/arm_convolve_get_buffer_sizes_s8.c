/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: arm_convolve_wrapper_s8_get_buffer_size. See arm_nnfunctions.h for the contract.
 *
 * The portable kernel needs no scratch at all, but the sizes reported are the real library's (non-Helium, gcc),
 * so that firmware sized with this subset also runs against the real library.
 */

#include "arm_nnfunctions.h"

int32_t arm_convolve_wrapper_s8_get_buffer_size(const cmsis_nn_conv_params *conv_params,
                                                const cmsis_nn_dims *input_dims,
                                                const cmsis_nn_dims *filter_dims,
                                                const cmsis_nn_dims *output_dims)
{
    (void)output_dims;

    /* A non-grouped 1x1 convolution without padding is a plain matrix product: no im2col buffer. */
    const int is_1x1 = conv_params->padding.w == 0 && conv_params->padding.h == 0 && filter_dims->w == 1 &&
        filter_dims->h == 1 && conv_params->dilation.w == 1 && conv_params->dilation.h == 1 &&
        input_dims->c == filter_dims->c;
    if (is_1x1)
    {
        return 0;
    }

    /* Otherwise the im2col path: two columns of HK * WK * C_IN int16 values, each rounded up to a multiple of 4. */
    const int32_t rhs_cols = filter_dims->w * filter_dims->h * input_dims->c;
    const int32_t aligned_rhs_cols = (rhs_cols + 3) / 4 * 4;
    return 2 * aligned_rhs_cols * (int32_t)sizeof(int16_t);
}
