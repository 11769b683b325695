/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: arm_elementwise_add_s8. See arm_nnfunctions.h for the contract.
 */

#include "arm_nnfunctions.h"
#include "arm_nnsupportfunctions.h"

arm_cmsis_nn_status arm_elementwise_add_s8(const int8_t *input_1_vect,
                                           const int8_t *input_2_vect,
                                           const int32_t input_1_offset,
                                           const int32_t input_1_mult,
                                           const int32_t input_1_shift,
                                           const int32_t input_2_offset,
                                           const int32_t input_2_mult,
                                           const int32_t input_2_shift,
                                           const int32_t left_shift,
                                           int8_t *output,
                                           const int32_t out_offset,
                                           const int32_t out_mult,
                                           const int32_t out_shift,
                                           const int32_t out_activation_min,
                                           const int32_t out_activation_max,
                                           const int32_t block_size)
{
    for (int32_t i = 0; i < block_size; i++)
    {
        /* Both operands are first brought to a common, finer scale (left_shift bits of headroom), then summed. */
        const int32_t a = arm_nn_requantize(
            arm_nn_portable_shift_left(input_1_vect[i] + input_1_offset, left_shift), input_1_mult, input_1_shift);
        const int32_t b = arm_nn_requantize(
            arm_nn_portable_shift_left(input_2_vect[i] + input_2_offset, left_shift), input_2_mult, input_2_shift);

        output[i] = arm_nn_portable_requantize_s8(
            a + b, out_mult, out_shift, out_offset, out_activation_min, out_activation_max);
    }
    return ARM_CMSIS_NN_SUCCESS;
}
