/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: arm_fully_connected_s8. See arm_nnfunctions.h for the contract.
 */

#include "arm_nnfunctions.h"
#include "arm_nnsupportfunctions.h"

arm_cmsis_nn_status arm_fully_connected_s8(const cmsis_nn_context *ctx,
                                           const cmsis_nn_fc_params *fc_params,
                                           const cmsis_nn_per_tensor_quant_params *quant_params,
                                           const cmsis_nn_dims *input_dims,
                                           const int8_t *input_data,
                                           const cmsis_nn_dims *filter_dims,
                                           const int8_t *filter_data,
                                           const cmsis_nn_dims *bias_dims,
                                           const int32_t *bias_data,
                                           const cmsis_nn_dims *output_dims,
                                           int8_t *output_data)
{
    (void)ctx;
    (void)bias_dims;

    const int32_t batches = input_dims->n;
    const int32_t accum_depth = filter_dims->n;
    const int32_t output_depth = output_dims->c;

    for (int32_t b = 0; b < batches; b++)
    {
        const int8_t *row = input_data + b * accum_depth;
        for (int32_t o = 0; o < output_depth; o++)
        {
            const int8_t *weights = filter_data + o * accum_depth;
            int32_t acc = bias_data != NULL ? bias_data[o] : 0;
            for (int32_t k = 0; k < accum_depth; k++)
            {
                acc += (row[k] + fc_params->input_offset) * (weights[k] + fc_params->filter_offset);
            }
            output_data[b * output_depth + o] = arm_nn_portable_requantize_s8(acc,
                                                                              quant_params->multiplier,
                                                                              quant_params->shift,
                                                                              fc_params->output_offset,
                                                                              fc_params->activation.min,
                                                                              fc_params->activation.max);
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
