/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: arm_fully_connected_s8. See arm_nnfunctions.h for the contract.
 *
 * On cores with the DSP extension (ARM_MATH_DSP, symmetric weights) two output rows are summed at once, four
 * inputs at a time: the inputs widened to int16 pairs with the offset added (SXTAB16) serve both rows, the weights
 * are sign-extended in pairs (SXTB16) and multiplied two at a time (SMLAD). The sums are the plain loop's, taken in
 * another order, which for integers is the same sum.
 */

#include <string.h>

#include "arm_nnfunctions.h"
#include "arm_nnsupportfunctions.h"

#if defined(ARM_MATH_DSP)
/* The three DSP instructions this file uses, each its own instruction with the rotation folded in. */
static inline int32_t sxtb16_ror(int32_t v, const int rotate_by_8)
{
    int32_t result;
    if (rotate_by_8)
    {
        __asm__("sxtb16 %0, %1, ror #8" : "=r"(result) : "r"(v));
    }
    else
    {
        __asm__("sxtb16 %0, %1" : "=r"(result) : "r"(v));
    }
    return result;
}

static inline int32_t sxtab16_ror(int32_t a, int32_t v, const int rotate_by_8)
{
    int32_t result;
    if (rotate_by_8)
    {
        __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(result) : "r"(a), "r"(v));
    }
    else
    {
        __asm__("sxtab16 %0, %1, %2" : "=r"(result) : "r"(a), "r"(v));
    }
    return result;
}

static inline int32_t smlad(int32_t a, int32_t b, int32_t acc)
{
    int32_t result;
    __asm__("smlad %0, %1, %2, %3" : "=r"(result) : "r"(a), "r"(b), "r"(acc));
    return result;
}

/* sums[i] += sum_k (row[k] + input_offset) * w_i[k] for two weight rows (the same row twice for a last odd one). */
static void dot2(const int8_t *row, int32_t depth, int32_t input_offset, const int8_t *w0, const int8_t *w1,
                 int32_t sums[2])
{
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)input_offset << 16) | (uint16_t)input_offset);
    int32_t s0 = sums[0], s1 = sums[1];
    int32_t k = 0;
    for (; k + 4 <= depth; k += 4)
    {
        int32_t x, a, b;
        memcpy(&x, row + k, sizeof(x));
        memcpy(&a, w0 + k, sizeof(a));
        memcpy(&b, w1 + k, sizeof(b));
        const int32_t x_even = sxtab16_ror(offsets, x, 0);
        const int32_t x_odd = sxtab16_ror(offsets, x, 1);
        s0 = smlad(x_even, sxtb16_ror(a, 0), s0);
        s0 = smlad(x_odd, sxtb16_ror(a, 1), s0);
        s1 = smlad(x_even, sxtb16_ror(b, 0), s1);
        s1 = smlad(x_odd, sxtb16_ror(b, 1), s1);
    }
    for (; k < depth; k++)
    {
        const int32_t x = row[k] + input_offset;
        s0 += x * w0[k];
        s1 += x * w1[k];
    }
    sums[0] = s0;
    sums[1] = s1;
}
#endif

static int8_t output_of(const cmsis_nn_fc_params *fc_params, const cmsis_nn_per_tensor_quant_params *quant_params,
                        int32_t acc)
{
    return arm_nn_portable_requantize_s8(acc,
                                         quant_params->multiplier,
                                         quant_params->shift,
                                         fc_params->output_offset,
                                         fc_params->activation.min,
                                         fc_params->activation.max);
}

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
        int8_t *out_row = output_data + b * output_depth;
        int32_t o = 0;
#if defined(ARM_MATH_DSP)
        if (fc_params->filter_offset == 0)
        {
            for (; o < output_depth; o += 2)
            {
                const int32_t o1 = o + 1 < output_depth ? o + 1 : o;
                int32_t sums[2] = {bias_data != NULL ? bias_data[o] : 0, bias_data != NULL ? bias_data[o1] : 0};
                dot2(row, accum_depth, fc_params->input_offset, filter_data + o * accum_depth,
                     filter_data + o1 * accum_depth, sums);
                out_row[o] = output_of(fc_params, quant_params, sums[0]);
                out_row[o1] = output_of(fc_params, quant_params, sums[1]);
            }
        }
#endif
        for (; o < output_depth; o++)
        {
            const int8_t *weights = filter_data + o * accum_depth;
            int32_t acc = bias_data != NULL ? bias_data[o] : 0;
            for (int32_t k = 0; k < accum_depth; k++)
            {
                acc += (row[k] + fc_params->input_offset) * (weights[k] + fc_params->filter_offset);
            }
            out_row[o] = output_of(fc_params, quant_params, acc);
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
