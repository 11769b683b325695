/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_softmax_s8 and hark_softmax_s8_exp_table. See hark_nnfunctions.h for the contract.
 *
 * arm_softmax_s8's steps (a row's maximum; the sum of each entry's exponential divided by 2^12; the reciprocal of
 * the sum normalised to [1, 2); each entry's exponential times it, rounded down to 1/256 steps), with each entry's
 * exponential read from a table: an entry and its row's maximum are int8, so the difference d = entry - max is one
 * of 0 .. -255 and exp_on_negative_values(doubling_high_mult(d * 2^shift, mult)) a function of d alone, computed by
 * arm_softmax_s8 twice an entry and here once a model. An entry whose difference is below diff_min has 0 in the
 * table: it adds 0 to the sum and its output, 0 scaled, is -128, what arm_softmax_s8 writes for it.
 */

#include "arm_nnsupportfunctions.h"
#include "hark_nnfunctions.h"

#define SOFTMAX_ACCUM_BITS 12

arm_cmsis_nn_status hark_softmax_s8_exp_table(int32_t mult, int32_t shift, int32_t diff_min, int32_t *table)
{
    if (table == NULL || shift < 0 || shift > 31)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    for (int32_t k = 0; k < HARK_SOFTMAX_EXP_TABLE_SIZE; k++)
    {
        const int32_t diff = -k;
        /* diff * 2^shift, wrapping as arm_softmax_s8's int32 product does where it is defined. */
        const int32_t scaled = (int32_t)((uint32_t)diff << shift);
        table[k] = diff >= diff_min ? arm_nn_exp_on_negative_values(arm_nn_doubling_high_mult(scaled, mult)) : 0;
    }
    return ARM_CMSIS_NN_SUCCESS;
}

arm_cmsis_nn_status hark_softmax_s8(const int8_t *input, int32_t num_rows, int32_t row_size, const int32_t *exp_table,
                                    int8_t *output)
{
    if (input == NULL || output == NULL || exp_table == NULL || num_rows < 0 || row_size < 1)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    for (int32_t row = 0; row < num_rows; row++)
    {
        const int8_t *in = input + row * row_size;
        int8_t *out = output + row * row_size;

        int32_t max = in[0];
        for (int32_t col = 1; col < row_size; col++)
        {
            max = in[col] > max ? in[col] : max;
        }

        int32_t sum = 0;
        for (int32_t col = 0; col < row_size; col++)
        {
            sum += arm_nn_divide_by_power_of_two(exp_table[max - in[col]], SOFTMAX_ACCUM_BITS);
        }

        /* sum * 2^headroom lies in [2^31, 2^32); minus 2^31 it is the x of 1 / (1 + x) in Q0.31. */
        const int32_t headroom = sum == 0 ? 32 : (int32_t)__builtin_clz((uint32_t)sum);
        const int32_t bits_over_unit = SOFTMAX_ACCUM_BITS - headroom + 23;
        const uint32_t normalised = sum > 0 ? (uint32_t)sum << headroom : 0u;
        const int32_t shifted_scale = arm_nn_one_over_one_plus_x_for_x_in_0_1((int32_t)(normalised - 0x80000000u));

        for (int32_t col = 0; col < row_size; col++)
        {
            const int32_t probability = arm_nn_divide_by_power_of_two(
                arm_nn_doubling_high_mult(shifted_scale, exp_table[max - in[col]]), bits_over_unit);
            int32_t value = probability + NN_Q7_MIN;
            value = value < NN_Q7_MIN ? NN_Q7_MIN : value;
            value = value > NN_Q7_MAX ? NN_Q7_MAX : value;
            out[col] = (int8_t)value;
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
