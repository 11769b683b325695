/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: arm_convolve_wrapper_s8. See arm_nnfunctions.h for the contract.
 *
 * One direct loop nest serves every shape. The real library's specialised 1x1 and 1xN kernels accumulate the same
 * integer sums in another order; integer addition being associative (wrapping), the results are identical.
 */

#include "arm_nnfunctions.h"
#include "arm_nnsupportfunctions.h"

/* Sum of (input + offset) * weight over the receptive field of one output value, skipping padded positions. */
static int32_t receptive_field_sum(const cmsis_nn_conv_params *conv_params,
                                   const cmsis_nn_dims *input_dims,
                                   const int8_t *batch_input,
                                   const cmsis_nn_dims *filter_dims,
                                   const int8_t *channel_filter,
                                   const int32_t first_input_channel,
                                   const int32_t out_y,
                                   const int32_t out_x)
{
    const int32_t group_channels = filter_dims->c;
    int32_t acc = 0;

    for (int32_t ky = 0; ky < filter_dims->h; ky++)
    {
        const int32_t in_y = out_y * conv_params->stride.h - conv_params->padding.h + ky * conv_params->dilation.h;
        if (in_y < 0 || in_y >= input_dims->h)
        {
            continue;
        }
        for (int32_t kx = 0; kx < filter_dims->w; kx++)
        {
            const int32_t in_x = out_x * conv_params->stride.w - conv_params->padding.w + kx * conv_params->dilation.w;
            if (in_x < 0 || in_x >= input_dims->w)
            {
                continue;
            }
            const int8_t *pixel = batch_input + (in_y * input_dims->w + in_x) * input_dims->c + first_input_channel;
            const int8_t *weights = channel_filter + (ky * filter_dims->w + kx) * group_channels;
            for (int32_t ic = 0; ic < group_channels; ic++)
            {
                acc += (pixel[ic] + conv_params->input_offset) * weights[ic];
            }
        }
    }
    return acc;
}

arm_cmsis_nn_status arm_convolve_wrapper_s8(const cmsis_nn_context *ctx,
                                            const cmsis_nn_conv_params *conv_params,
                                            const cmsis_nn_per_channel_quant_params *quant_params,
                                            const cmsis_nn_dims *input_dims,
                                            const int8_t *input_data,
                                            const cmsis_nn_dims *filter_dims,
                                            const int8_t *filter_data,
                                            const cmsis_nn_dims *bias_dims,
                                            const int32_t *bias_data,
                                            const cmsis_nn_dims *output_dims,
                                            int8_t *output_data)
{
    (void)bias_dims;

    const int32_t in_channels = input_dims->c;
    const int32_t out_channels = output_dims->c;
    if (filter_dims->c <= 0 || in_channels % filter_dims->c != 0)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t groups = in_channels / filter_dims->c;
    if (out_channels % groups != 0)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    if ((ctx == NULL || ctx->buf == NULL) &&
        arm_convolve_wrapper_s8_get_buffer_size(conv_params, input_dims, filter_dims, output_dims) > 0)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }

    const int32_t out_channels_per_group = out_channels / groups;
    const int32_t filter_size = filter_dims->h * filter_dims->w * filter_dims->c;

    for (int32_t b = 0; b < input_dims->n; b++)
    {
        const int8_t *batch_input = input_data + b * input_dims->h * input_dims->w * in_channels;
        int8_t *out = output_data + b * output_dims->h * output_dims->w * out_channels;

        for (int32_t out_y = 0; out_y < output_dims->h; out_y++)
        {
            for (int32_t out_x = 0; out_x < output_dims->w; out_x++)
            {
                for (int32_t oc = 0; oc < out_channels; oc++)
                {
                    const int32_t first_input_channel = (oc / out_channels_per_group) * filter_dims->c;
                    int32_t acc = receptive_field_sum(conv_params,
                                                      input_dims,
                                                      batch_input,
                                                      filter_dims,
                                                      filter_data + oc * filter_size,
                                                      first_input_channel,
                                                      out_y,
                                                      out_x);
                    if (bias_data != NULL)
                    {
                        acc += bias_data[oc];
                    }
                    *out++ = arm_nn_portable_requantize_s8(acc,
                                                           quant_params->multiplier[oc],
                                                           quant_params->shift[oc],
                                                           conv_params->output_offset,
                                                           conv_params->activation.min,
                                                           conv_params->activation.max);
                }
            }
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
