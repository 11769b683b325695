/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_gru_s8. See hark_nnfunctions.h for the contract and the arithmetic.
 *
 * The arithmetic is that of the CMSIS-NN calls the contract names (arm_fully_connected_s8, arm_elementwise_add_s8,
 * arm_elementwise_mul_s8, each element requantized as those kernels do, with arm_nn_requantize's results from
 * hark_requantize.h), and the sums are theirs taken in another order; each addition's first step, the scaling of
 * its two int8 inputs, is read from tables the code generator computed (add_?_inputs) rather than computed. What is
 * fused is the work: a step widens its input and the hidden state to int16 once, then for each hidden unit j takes
 * the six dot products it needs (rows j of the three input and the three hidden matrices) in two passes, three rows
 * at a time, so that every input value loaded serves three multiply-accumulates, and applies the gate arithmetic
 * and the tables to unit j at once, without vectors of intermediates. On cores with the DSP extension
 * (ARM_MATH_DSP) the dot products take the weights four at a time, sign-extended in pairs (SXTB16), two
 * multiply-accumulates per instruction (SMLAD).
 */

#include <string.h>

#include "Internal/hark_dsp.h"
#include "Internal/hark_gru_s8_layout.h"
#include "Internal/hark_requantize.h"
#include "arm_nnsupportfunctions.h"
#include "hark_nnfunctions.h"

enum
{
    GATE_R = 0,
    GATE_Z = 1,
    GATE_N = 2
};

static inline int32_t clamp(int32_t value, int32_t min, int32_t max)
{
    value = value < min ? min : value;
    return value > max ? max : value;
}

/*
 * Widens n int8 values plus offset to int16. The dot products read whole words of four values in the order SXTB16
 * splits four weights, (x0, x2) then (x1, x3); the values past the last whole word keep their order.
 */
static void widen(const int8_t *x, int32_t n, int32_t offset, int16_t *out)
{
    int32_t k = 0;
#if defined(ARM_MATH_DSP)
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)offset << 16) | (uint16_t)offset);
    for (; k + 4 <= n; k += 4)
    {
        const int32_t v = hark_read_s8x4(x + k);
        const int32_t even = hark_sxtab16(offsets, v);
        const int32_t odd = hark_sxtab16_odd(offsets, v);
        memcpy(out + k, &even, sizeof(even));
        memcpy(out + k + 2, &odd, sizeof(odd));
    }
#endif
    for (; k < n; k++)
    {
        out[k] = (int16_t)(x[k] + offset);
    }
}

#if defined(ARM_MATH_DSP)
/* Four multiply-accumulates of one weight row: the widened values x_even = (x0, x2), x_odd = (x1, x3). */
static inline int32_t mac4(int32_t x_even, int32_t x_odd, const int8_t *w, int32_t sum)
{
    const int32_t weights = hark_read_s8x4(w);
    sum = hark_smlad(x_even, hark_sxtb16(weights), sum);
    return hark_smlad(x_odd, hark_sxtb16_odd(weights), sum);
}
#endif

#if defined(ARM_MATH_DSP)
/* One row's four multiply-accumulates in dot3's assembly loop: the row's next word, split and multiplied. */
#define HARK_GRU_ROW_MAC4(row, sum)                                                                                    \
    "ldr %[w], [%[" row "]], #4\n\t"                                                                                   \
    "sxtb16 %[t], %[w]\n\t"                                                                                          \
    "smlad %[" sum "], %[x_even], %[t], %[" sum "]\n\t"                                                               \
    "sxtb16 %[t], %[w], ror #8\n\t"                                                                                  \
    "smlad %[" sum "], %[x_odd], %[t], %[" sum "]\n\t"
#endif

/*
 * sums[i] += the widened x (n values, see widen()) times row w[i], for three rows. Inlined into the unit loop, where a
 * call per dot product would cost its pushes and pops and pass the sums through memory.
 */
static inline __attribute__((always_inline)) void dot3(const int16_t *x, int32_t n, const int8_t *w0, const int8_t *w1,
                                                       const int8_t *w2, int32_t sums[3])
{
    int32_t s0 = sums[0], s1 = sums[1], s2 = sums[2];
    int32_t k = 0;
#if defined(ARM_MATH_DSP)
    const int16_t *xp = x;
    const int16_t *const end8 = x + (n & ~(int32_t)7);
    if (((uintptr_t)x & 3u) == 0 && xp != end8)
    {
        /*
         * Eight values a pass, each word of four values one 8-byte load (LDRD, which needs a word-aligned x: the
         * scratch regions are, in a word-aligned buffer), so that a pass is 34 instructions for 24
         * multiply-accumulates. In assembly because the compilers, given this loop in C, load all six weight words
         * ahead and spill the sums to the stack.
         */
        int32_t x_even, x_odd, w, t;
        /* clang-format off */
        __asm__("1:\n\t"
                "ldrd %[x_even], %[x_odd], [%[xp]], #8\n\t"
                HARK_GRU_ROW_MAC4("w0", "s0")
                HARK_GRU_ROW_MAC4("w1", "s1")
                HARK_GRU_ROW_MAC4("w2", "s2")
                "ldrd %[x_even], %[x_odd], [%[xp]], #8\n\t"
                HARK_GRU_ROW_MAC4("w0", "s0")
                HARK_GRU_ROW_MAC4("w1", "s1")
                HARK_GRU_ROW_MAC4("w2", "s2")
                "cmp %[xp], %[end]\n\t"
                "bne 1b\n\t"
                : [xp] "+r"(xp), [w0] "+r"(w0), [w1] "+r"(w1), [w2] "+r"(w2), [s0] "+r"(s0), [s1] "+r"(s1),
                  [s2] "+r"(s2), [x_even] "=&r"(x_even), [x_odd] "=&r"(x_odd), [w] "=&r"(w), [t] "=&r"(t)
                : [end] "r"(end8)
                : "cc", "memory");
        /* clang-format on */
    }
    /* The rest of the whole words of four values (all of them for an unaligned x). */
    const int16_t *const end4 = x + (n & ~(int32_t)3);
    while (xp != end4)
    {
        const int32_t x_even = hark_read_s16x2(xp), x_odd = hark_read_s16x2(xp + 2);
        xp += 4;
        s0 = mac4(x_even, x_odd, w0, s0);
        s1 = mac4(x_even, x_odd, w1, s1);
        s2 = mac4(x_even, x_odd, w2, s2);
        w0 += 4;
        w1 += 4;
        w2 += 4;
    }
    k = n & ~(int32_t)3;
    w0 -= k;
    w1 -= k;
    w2 -= k;
#endif
    for (; k < n; k++)
    {
        const int32_t v = x[k];
        s0 += v * w0[k];
        s1 += v * w1[k];
        s2 += v * w2[k];
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
}

/* An output of arm_fully_connected_s8 from its sum (bias included). */
static inline int32_t fc_output(const hark_fc_s8_params *fc, int32_t sum)
{
    return clamp(hark_requantize(sum, fc->quant_params.multiplier, fc->quant_params.shift) +
                     fc->fc_params.output_offset,
                 fc->fc_params.activation.min,
                 fc->fc_params.activation.max);
}

/*
 * One element of arm_elementwise_add_s8, its inputs' scaling read from the layer's tables (inputs: [2][256], see
 * hark_gru_s8_params): two loads where the arithmetic takes two requantizations.
 */
static inline int32_t add(const hark_add_s8_params *p, const int32_t *inputs, int32_t input_1, int32_t input_2)
{
    const int32_t a = inputs[input_1 + 128];
    const int32_t b = inputs[256 + input_2 + 128];
    return clamp(hark_requantize(a + b, p->out_mult, p->out_shift) + p->out_offset, p->out_activation_min,
                 p->out_activation_max);
}

/* One element of arm_elementwise_mul_s8. */
static inline int32_t mul(const hark_mul_s8_params *p, int32_t input_1, int32_t input_2)
{
    const int32_t product = (input_1 + p->input_1_offset) * (input_2 + p->input_2_offset);
    return clamp(hark_requantize(product, p->out_mult, p->out_shift) + p->out_offset, p->out_activation_min,
                 p->out_activation_max);
}

static inline int32_t bias_of(const hark_fc_s8_params *fc, int32_t j)
{
    return fc->bias != NULL ? fc->bias[j] : 0;
}

/* Whether the three projections can share one widened operand: the same input offset, symmetric weights. */
static int shares_input(const hark_fc_s8_params fc[3])
{
    for (int32_t g = 0; g < 3; g++)
    {
        if (fc[g].weights == NULL || fc[g].fc_params.filter_offset != 0 ||
            fc[g].fc_params.input_offset != fc[0].fc_params.input_offset)
        {
            return 0;
        }
    }
    return 1;
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
        params->tanh_n == NULL || params->add_r_inputs == NULL || params->add_z_inputs == NULL ||
        params->add_n_inputs == NULL || params->add_h_inputs == NULL || !shares_input(params->input_fc) ||
        !shares_input(params->hidden_fc))
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t required = hark_gru_s8_plan(params, steps, &layout);
    if (required < 0 || ctx->size < required)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }

    const int32_t inputs = params->input_size;
    const int32_t hidden = params->hidden_size;
    int16_t *const x_wide = (int16_t *)((int8_t *)ctx->buf + layout.input);
    int16_t *const h_wide = (int16_t *)((int8_t *)ctx->buf + layout.hidden);
    const hark_fc_s8_params *const in = params->input_fc;
    const hark_fc_s8_params *const hid = params->hidden_fc;

    for (int32_t t = 0; t < steps; t++)
    {
        /* h: the carried state or 0 at the first step, then the previous step's output row. */
        const int8_t *h = t > 0 ? output + (t - 1) * hidden : state;
        int8_t *const h_next = output + t * hidden;
        widen(input + t * inputs, inputs, in[0].fc_params.input_offset, x_wide);
        if (h != NULL)
        {
            widen(h, hidden, hid[0].fc_params.input_offset, h_wide);
        }
        else
        {
            /* h = 0: each value is just the offset. */
            for (int32_t k = 0; k < hidden; k++)
            {
                h_wide[k] = (int16_t)hid[0].fc_params.input_offset;
            }
        }

        for (int32_t j = 0; j < hidden; j++)
        {
            int32_t gx[3] = {bias_of(&in[GATE_R], j), bias_of(&in[GATE_Z], j), bias_of(&in[GATE_N], j)};
            dot3(x_wide, inputs, in[GATE_R].weights + j * inputs, in[GATE_Z].weights + j * inputs,
                 in[GATE_N].weights + j * inputs, gx);
            int32_t gh[3] = {bias_of(&hid[GATE_R], j), bias_of(&hid[GATE_Z], j), bias_of(&hid[GATE_N], j)};
            dot3(h_wide, hidden, hid[GATE_R].weights + j * hidden, hid[GATE_Z].weights + j * hidden,
                 hid[GATE_N].weights + j * hidden, gh);

            const int32_t pre_r = add(&params->add_r, params->add_r_inputs, fc_output(&in[GATE_R], gx[GATE_R]),
                                      fc_output(&hid[GATE_R], gh[GATE_R]));
            const int32_t r = params->sigmoid_r[pre_r + 128];
            const int32_t pre_z = add(&params->add_z, params->add_z_inputs, fc_output(&in[GATE_Z], gx[GATE_Z]),
                                      fc_output(&hid[GATE_Z], gh[GATE_Z]));
            const int32_t z = params->sigmoid_z[pre_z + 128];
            const int32_t zc = params->one_minus_sigmoid_z[pre_z + 128];
            const int32_t r_hn = mul(&params->mul_r_hn, r, fc_output(&hid[GATE_N], gh[GATE_N]));
            const int32_t pre_n =
                add(&params->add_n, params->add_n_inputs, fc_output(&in[GATE_N], gx[GATE_N]), r_hn);
            const int32_t n = params->tanh_n[pre_n + 128];
            /* h' = (1 - z) * n + z * h; h[j] is read before h_next[j] is written (they may be one byte). */
            const int32_t h_j = h != NULL ? h[j] : 0;
            h_next[j] = (int8_t)add(&params->add_h, params->add_h_inputs, mul(&params->mul_zc_n, zc, n),
                                    mul(&params->mul_z_h, z, h_j));
        }
    }
    if (state != NULL)
    {
        memmove(state, output + (steps - 1) * hidden, (size_t)hidden);
    }
    return ARM_CMSIS_NN_SUCCESS;
}
