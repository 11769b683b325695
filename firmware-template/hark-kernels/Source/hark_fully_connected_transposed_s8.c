/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_fully_connected_transposed_s8. See hark_nnfunctions.h for the contract.
 *
 * arm_fully_connected_s8's sums (bias plus every (input + input offset) x (weight + filter offset)) and
 * requantization (hark_requantize.h gives arm_nn_requantize()'s results) on a filter stored transposed,
 * [depth][outputs]: what the attention's weighted sum of the hidden states needs, whose filter is the hidden states
 * of the steps as the GRU wrote them, so that nothing transposes them first. On DSP cores with no filter offset the
 * outputs run four at a time: one word load brings four outputs' weights of a step, widened in pairs (SXTB16), and
 * each pair's halves multiply the step's input (SMLABB, SMLATB).
 */

#include "Internal/hark_dsp.h"
#include "Internal/hark_requantize.h"
#include "arm_nnsupportfunctions.h"
#include "hark_nnfunctions.h"

/* The requantization of one output: hark_requantize_plus and one SSAT where they apply, else the general one. */
static inline int8_t requantize_output(int32_t sum, const hark_output_quant *out, int fast, int full_range)
{
#if defined(__ARM_FEATURE_SAT)
    if (fast)
    {
        int32_t saturated;
        __asm__("ssat %0, #8, %1"
                : "=r"(saturated)
                : "r"(hark_requantize_plus(sum, out->multiplier, out->shift, out->output_offset)));
        return (int8_t)saturated;
    }
#else
    (void)fast;
#endif
    return hark_requantize_clamped(sum, out, full_range);
}

arm_cmsis_nn_status hark_fully_connected_transposed_s8(const cmsis_nn_context *ctx,
                                                       const cmsis_nn_fc_params *fc_params,
                                                       const cmsis_nn_per_tensor_quant_params *quant_params,
                                                       const cmsis_nn_dims *input_dims,
                                                       const int8_t *input,
                                                       const cmsis_nn_dims *filter_dims,
                                                       const int8_t *filter,
                                                       const cmsis_nn_dims *bias_dims,
                                                       const int32_t *bias,
                                                       const cmsis_nn_dims *output_dims,
                                                       int8_t *output)
{
    (void)ctx;
    (void)bias_dims;
    if (fc_params == NULL || quant_params == NULL || input_dims == NULL || input == NULL || filter_dims == NULL ||
        filter == NULL || output_dims == NULL || output == NULL || input_dims->n < 0 || filter_dims->n < 1 ||
        output_dims->c < 1)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t batches = input_dims->n;
    const int32_t depth = filter_dims->n;
    const int32_t outputs = output_dims->c;
    const int32_t input_offset = fc_params->input_offset;
    const int32_t filter_offset = fc_params->filter_offset;
    const hark_output_quant out = {quant_params->multiplier, quant_params->shift, fc_params->output_offset,
                                   fc_params->activation.min, fc_params->activation.max};
    const int full_range = out.min == -128 && out.max == 127;
    const int fast = full_range && hark_requantize_plus_applies(out.shift, out.output_offset);
    for (int32_t b = 0; b < batches; b++)
    {
        const int8_t *x = input + b * depth;
        int8_t *y = output + b * outputs;
        int32_t o = 0;
#if defined(ARM_MATH_DSP)
        if (filter_offset == 0)
        {
            for (; o + 4 <= outputs; o += 4)
            {
                int32_t s0 = bias != NULL ? bias[o] : 0;
                int32_t s1 = bias != NULL ? bias[o + 1] : 0;
                int32_t s2 = bias != NULL ? bias[o + 2] : 0;
                int32_t s3 = bias != NULL ? bias[o + 3] : 0;
                const int8_t *w = filter + o;
                for (int32_t k = 0; k < depth; k++, w += outputs)
                {
                    const int32_t value = x[k] + input_offset;
                    const int32_t word = hark_read_s8x4(w);
                    const int32_t even = hark_sxtb16(word);
                    const int32_t odd = hark_sxtb16_odd(word);
                    s0 = hark_smlabb(even, value, s0);
                    s1 = hark_smlabb(odd, value, s1);
                    s2 = hark_smlatb(even, value, s2);
                    s3 = hark_smlatb(odd, value, s3);
                }
                y[o] = requantize_output(s0, &out, fast, full_range);
                y[o + 1] = requantize_output(s1, &out, fast, full_range);
                y[o + 2] = requantize_output(s2, &out, fast, full_range);
                y[o + 3] = requantize_output(s3, &out, fast, full_range);
            }
        }
#endif
        for (; o < outputs; o++)
        {
            int32_t sum = bias != NULL ? bias[o] : 0;
            const int8_t *w = filter + o;
            for (int32_t k = 0; k < depth; k++, w += outputs)
            {
                sum += (x[k] + input_offset) * (*w + filter_offset);
            }
            y[o] = requantize_output(sum, &out, fast, full_range);
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
