/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_gru_s8. See hark_nnfunctions.h for the contract and the algorithm.
 */

#include <string.h>

#include "Internal/hark_gru_s8_layout.h"
#include "hark_nnfunctions.h"

enum
{
    GATE_R = 0,
    GATE_Z = 1,
    GATE_N = 2
};

/* One fully-connected layer over `batches` rows of `input_size` values, giving `output_size` values per row. */
static arm_cmsis_nn_status run_fc(const cmsis_nn_context *fc_ctx,
                                  const hark_fc_s8_params *fc,
                                  const int32_t batches,
                                  const int32_t input_size,
                                  const int32_t output_size,
                                  const int8_t *input,
                                  int8_t *output)
{
    const cmsis_nn_dims input_dims = {batches, 1, 1, input_size};
    const cmsis_nn_dims filter_dims = {input_size, 1, 1, output_size};
    const cmsis_nn_dims bias_dims = {1, 1, 1, output_size};
    const cmsis_nn_dims output_dims = {batches, 1, 1, output_size};
    return arm_fully_connected_s8(fc_ctx,
                                  &fc->fc_params,
                                  &fc->quant_params,
                                  &input_dims,
                                  input,
                                  &filter_dims,
                                  fc->weights,
                                  &bias_dims,
                                  fc->bias,
                                  &output_dims,
                                  output);
}

static arm_cmsis_nn_status run_add(const hark_add_s8_params *p,
                                   const int8_t *input_1,
                                   const int8_t *input_2,
                                   int8_t *output,
                                   const int32_t size)
{
    return arm_elementwise_add_s8(input_1,
                                  input_2,
                                  p->input_1_offset,
                                  p->input_1_mult,
                                  p->input_1_shift,
                                  p->input_2_offset,
                                  p->input_2_mult,
                                  p->input_2_shift,
                                  p->left_shift,
                                  output,
                                  p->out_offset,
                                  p->out_mult,
                                  p->out_shift,
                                  p->out_activation_min,
                                  p->out_activation_max,
                                  size);
}

static arm_cmsis_nn_status run_mul(const hark_mul_s8_params *p,
                                   const int8_t *input_1,
                                   const int8_t *input_2,
                                   int8_t *output,
                                   const int32_t size)
{
    return arm_elementwise_mul_s8(input_1,
                                  input_2,
                                  p->input_1_offset,
                                  p->input_2_offset,
                                  output,
                                  p->out_offset,
                                  p->out_mult,
                                  p->out_shift,
                                  p->out_activation_min,
                                  p->out_activation_max,
                                  size);
}

arm_cmsis_nn_status hark_gru_s8(const cmsis_nn_context *ctx,
                                const hark_gru_s8_params *params,
                                int32_t steps,
                                const int8_t *input,
                                int8_t *state,
                                int8_t *output)
{
    hark_gru_s8_layout layout;
    if (ctx == NULL || ctx->buf == NULL || input == NULL || output == NULL || params == NULL ||
        params->sigmoid_r == NULL || params->sigmoid_z == NULL || params->one_minus_sigmoid_z == NULL ||
        params->tanh_n == NULL)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    for (int32_t g = 0; g < 3; g++)
    {
        if (params->input_fc[g].weights == NULL || params->hidden_fc[g].weights == NULL)
        {
            return ARM_CMSIS_NN_ARG_ERROR;
        }
    }
    const int32_t required = hark_gru_s8_plan(params, steps, &layout);
    if (required < 0 || ctx->size < required)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }

    const int32_t hidden = params->hidden_size;
    int8_t *const scratch = (int8_t *)ctx->buf;
    int8_t *const gx[3] = {scratch + layout.gx[GATE_R], scratch + layout.gx[GATE_Z], scratch + layout.gx[GATE_N]};
    int8_t *const gh[3] = {scratch + layout.gh[GATE_R], scratch + layout.gh[GATE_Z], scratch + layout.gh[GATE_N]};
    int8_t *const h = scratch + layout.h;
    int8_t *const pre = scratch + layout.pre;
    int8_t *const r = scratch + layout.r;
    int8_t *const z = scratch + layout.z;
    int8_t *const zc = scratch + layout.zc;
    int8_t *const r_hn = scratch + layout.r_hn;
    int8_t *const n = scratch + layout.n;
    int8_t *const a = scratch + layout.a;
    int8_t *const b = scratch + layout.b;
    const cmsis_nn_context fc_ctx = {layout.fc_scratch_size > 0 ? scratch + layout.fc_scratch : NULL,
                                     layout.fc_scratch_size};

    /* (a) Input projections of all steps, one batched call per gate. */
    for (int32_t g = 0; g < 3; g++)
    {
        HARK_CHECK(run_fc(&fc_ctx, &params->input_fc[g], steps, params->input_size, hidden, input, gx[g]));
    }

    /* (b) h_0: the carried state, or 0. */
    if (state != NULL)
    {
        memcpy(h, state, (size_t)hidden);
    }
    else
    {
        memset(h, 0, (size_t)hidden);
    }

    /* (c) The recurrence. */
    for (int32_t t = 0; t < steps; t++)
    {
        const int32_t step_offset = t * hidden;
        for (int32_t g = 0; g < 3; g++)
        {
            HARK_CHECK(run_fc(&fc_ctx, &params->hidden_fc[g], 1, hidden, hidden, h, gh[g]));
        }

        HARK_CHECK(run_add(&params->add_r, gx[GATE_R] + step_offset, gh[GATE_R], pre, hidden));
        HARK_CHECK(hark_lut_s8(pre, r, hidden, params->sigmoid_r));

        HARK_CHECK(run_add(&params->add_z, gx[GATE_Z] + step_offset, gh[GATE_Z], pre, hidden));
        HARK_CHECK(hark_lut_s8(pre, z, hidden, params->sigmoid_z));
        HARK_CHECK(hark_lut_s8(pre, zc, hidden, params->one_minus_sigmoid_z));

        HARK_CHECK(run_mul(&params->mul_r_hn, r, gh[GATE_N], r_hn, hidden));
        HARK_CHECK(run_add(&params->add_n, gx[GATE_N] + step_offset, r_hn, pre, hidden));
        HARK_CHECK(hark_lut_s8(pre, n, hidden, params->tanh_n));

        /* h' = (1 - z) * n + z * h: b reads the old h before the sum overwrites it. */
        HARK_CHECK(run_mul(&params->mul_zc_n, zc, n, a, hidden));
        HARK_CHECK(run_mul(&params->mul_z_h, z, h, b, hidden));
        HARK_CHECK(run_add(&params->add_h, a, b, h, hidden));

        memcpy(output + step_offset, h, (size_t)hidden);
    }
    if (state != NULL)
    {
        memcpy(state, h, (size_t)hidden);
    }
    return ARM_CMSIS_NN_SUCCESS;
}
