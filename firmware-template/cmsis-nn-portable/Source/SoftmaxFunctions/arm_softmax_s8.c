/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: arm_softmax_s8. See arm_nnfunctions.h for the contract.
 *
 * The exponentials are summed with 12 fractional accumulator bits (each Q0.31 exponential divided by 2^12), so a
 * row of up to 2^12 maximal entries cannot overflow. The reciprocal of the sum is computed on the sum normalised to
 * [1, 2) and the normalisation is undone in the final rounding shift.
 */

#include "arm_nnfunctions.h"
#include "arm_nnsupportfunctions.h"

#define SOFTMAX_ACCUM_BITS 12

/* Count of leading zero bits, 32 for 0 (the ARM CLZ instruction's definition; __builtin_clz(0) is undefined). */
static int32_t count_leading_zeros(uint32_t value)
{
    int32_t count = 0;
    if (value == 0u)
    {
        return 32;
    }
    while ((value & 0x80000000u) == 0u)
    {
        value <<= 1;
        count++;
    }
    return count;
}

/* exp(diff) in Q0.31 for a difference to the row maximum (diff <= 0) scaled into Q5.26 by mult * 2^shift. */
static int32_t scaled_exp(const int32_t diff, const int32_t mult, const int32_t shift)
{
    return arm_nn_exp_on_negative_values(arm_nn_doubling_high_mult(diff * ((int32_t)1 << shift), mult));
}

void arm_softmax_s8(const int8_t *input,
                    const int32_t num_rows,
                    const int32_t row_size,
                    const int32_t mult,
                    const int32_t shift,
                    const int32_t diff_min,
                    int8_t *output)
{
    for (int32_t row = 0; row < num_rows; row++)
    {
        const int8_t *in = input + row * row_size;
        int8_t *out = output + row * row_size;

        int8_t max = in[0];
        for (int32_t col = 1; col < row_size; col++)
        {
            max = in[col] > max ? in[col] : max;
        }

        int32_t sum = 0;
        for (int32_t col = 0; col < row_size; col++)
        {
            const int32_t diff = in[col] - max;
            if (diff >= diff_min)
            {
                sum += arm_nn_divide_by_power_of_two(scaled_exp(diff, mult, shift), SOFTMAX_ACCUM_BITS);
            }
        }

        /* sum * 2^headroom lies in [2^31, 2^32); minus 2^31 it is the x of 1 / (1 + x) in Q0.31. */
        const int32_t headroom = count_leading_zeros((uint32_t)sum);
        const int32_t bits_over_unit = SOFTMAX_ACCUM_BITS - headroom + 23;
        const uint32_t normalised = sum > 0 ? (uint32_t)sum << headroom : 0u;
        const int32_t shifted_scale = arm_nn_one_over_one_plus_x_for_x_in_0_1((int32_t)(normalised - 0x80000000u));

        for (int32_t col = 0; col < row_size; col++)
        {
            const int32_t diff = in[col] - max;
            if (diff >= diff_min)
            {
                const int32_t probability = arm_nn_divide_by_power_of_two(
                    arm_nn_doubling_high_mult(shifted_scale, scaled_exp(diff, mult, shift)), bits_over_unit);
                int32_t value = probability + NN_Q7_MIN;
                value = value < NN_Q7_MIN ? NN_Q7_MIN : value;
                value = value > NN_Q7_MAX ? NN_Q7_MAX : value;
                out[col] = (int8_t)value;
            }
            else
            {
                out[col] = NN_Q7_MIN;
            }
        }
    }
}
